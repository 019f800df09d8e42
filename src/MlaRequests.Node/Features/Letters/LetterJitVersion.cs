using MlaRequests.Domain.Requests;

namespace MlaRequests.Node.Features.Letters;

/// <summary>The JIT agreement in force with one requested country after an amendment, as the letter prints it.</summary>
/// <param name="Country">The requested country.</param>
/// <param name="Number">The version in force.</param>
/// <param name="Agreement">The agreement of that version, with the end date in force.</param>
public sealed record LetterJitVersion(string Country, int Number, JitProposal Agreement);
