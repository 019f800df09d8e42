using MlaRequests.Node.Features.Measures;

namespace MlaRequests.Node.Pages;

/// <summary>What the measures partial draws: one row per measure, per requested country on a request's page.</summary>
/// <param name="Rows">Each measure with the country whose result it is (null on an incoming case).</param>
/// <param name="ByCountry">True on a request's page (a country column).</param>
public sealed record MeasuresTable(IReadOnlyList<(string? Country, MeasureView Measure)> Rows, bool ByCountry);
