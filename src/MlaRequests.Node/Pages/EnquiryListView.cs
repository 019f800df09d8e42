using MlaRequests.Node.Features.Enquiries;

namespace MlaRequests.Node.Pages;

/// <summary>What the enquiries partial draws: each status enquiry with its answer, and on the requested side a form for each open one.</summary>
/// <param name="Items">The enquiries, oldest first.</param>
/// <param name="CaseId">The incoming case whose enquiries may be answered here; null on the requesting side.</param>
/// <param name="MayAnswer">True when the user may answer (a liaison officer of the requested node).</param>
/// <param name="ReturnUrl">The page to come back to.</param>
public sealed record EnquiryListView(IReadOnlyList<EnquiryEndpoints.View> Items, Guid? CaseId, bool MayAnswer, string ReturnUrl);
