using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.FastTests.Workflows;

/// <summary>Who takes a step in the workflow specs, and when.</summary>
static class Step
{
    /// <summary>When an instance began (a Monday morning in Almaty).</summary>
    public static readonly Instant Began = Instant.FromUtc(2026, 3, 2, 4, 0);

    /// <summary>When the step under test is taken.</summary>
    public static readonly Instant At = Began + Duration.FromDays(1);

    /// <summary>Who takes it.</summary>
    public const string Actor = "officer";

    /// <summary>A consultation about branch (or case) <paramref name="id"/> that waits for its answer (UNTOC Art. 18(26)).</summary>
    public static Consultation Consultation(Guid id) => new()
    {
        Id = DeterministicGuid.Create("open consultation", id), BranchId = id, Purpose = ConsultationCodes.IntendedRefusal, Grounds = "DUAL_CRIMINALITY",
        Reasons = "Not an offence here as described", OpenedBy = "kg.liaison (KG)", OpenedAt = Began,
    };

    /// <summary>A status enquiry about branch (or case) <paramref name="id"/> that waits for its answer.</summary>
    public static StatusEnquiry Enquiry(Guid id) => new()
    {
        Id = DeterministicGuid.Create("open enquiry", id), BranchId = id, Question = "How far is the execution?", AskedBy = "prosecutor", AskedAt = Began,
    };

    /// <summary>The request <paramref name="id"/> as the requesting node stores it (the approval and the branch read its content).</summary>
    public static MlaRequest Request(Guid id)
    {
        var request = new MlaRequest { Id = id, Reference = $"KZ-2026-{id.ToString("N")[..8]}", RequestingNode = "KZ", OfficeCode = "ALM", CreatedBy = "prosecutor", CreatedAt = Began };
        request.SetContent(TestContent.Complete(LegalBasis.Minsk1993, "KG"));
        return request;
    }
}
