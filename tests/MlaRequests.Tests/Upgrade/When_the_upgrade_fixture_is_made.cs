using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// Writes the upgrade fixture of the release this code is: two in-process nodes, KZ (requesting) and KG (receiving), their
/// cross-border envelopes carried between their buses as the broker would, driven through the API into every state the
/// machines have, with clocks running (one overdue, some reminded). Runs only with <c>MLA_MAKE_UPGRADE_FIXTURE=1</c>
/// (<c>Fixtures/Upgrade/README.md</c>): it writes into the repository.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_upgrade_fixture_is_made : IDisposable
{
    /// <summary>A Monday morning in Almaty and Bishkek.</summary>
    static readonly Instant Start = Instant.FromUtc(2026, 11, 2, 4, 0);

    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Start);
    readonly List<(string Label, Guid Request)> _made = [];
    readonly Dictionary<string, NodeApi> _logins = new(StringComparer.Ordinal);
    NodeFactory _kz = null!, _kg = null!;

    Instant Now => _clock.GetCurrentInstant();

    /// <summary>
    /// Runs in every integration run, so the generator never falls behind the workflows it drives: it must bring this
    /// release's nodes into every state it names. The databases go to a temporary folder, and into the repository only
    /// when <see cref="UpgradeFixture.MakeVariable"/> is 1.
    /// </summary>
    [Fact]
    public async Task This_release_writes_both_nodes_databases()
    {
        var intoRepository = Environment.GetEnvironmentVariable(UpgradeFixture.MakeVariable) == "1";
        var name = Environment.GetEnvironmentVariable(UpgradeFixture.NameVariable) is { Length: > 0 } given ? given : DateTime.UtcNow.ToString("yyyy-MM-dd");
        var kzData = Path.Combine(_data.Path, "kz");
        var kgData = Path.Combine(_data.Path, "kg");
        await using (_kz = new NodeFactory(kzData, _clock, code: "KZ"))
        await using (_kg = new NodeFactory(kgData, _clock, code: "KG"))
        {
            await UpgradeFixture.BridgeAsync(_kz, _kg);
            await UpgradeFixture.BridgeAsync(_kg, _kz);

            // Made first and left unanswered past its seven days: the acknowledgement clock is overdue on both nodes.
            await Approved("overdue acknowledgement");
            _clock.Advance(Duration.FromDays(8));
            await Eventually.Until(() => _kz.Clocks(_made[0].Request), cs => cs.Any(c => c.Kind == ClockKind.Acknowledgement && c.CurrentState == "Overdue"),
                TestTimeouts.Workflow, "the first acknowledgement clock to be overdue");

            await MakeEveryStateAsync();

            // Half of the acknowledgement period passes for the requests transmitted last: their clocks remind.
            _clock.Advance(Duration.FromDays(4));
            await Eventually.Until(() => _kz.Clocks(Made("transmitted, reminded")), cs => cs.Any(c => c.Kind == ClockKind.Acknowledgement && c.LastPercent == 50),
                TestTimeouts.Workflow, "the reminder at 50 %");
            await UpgradeFixture.SettledAsync(Now, _kz, _kg);
            var manifest = new UpgradeManifest(Release(), Now, await InstancesAsync());
            manifest.Instances.Should().NotContain(i => i.State == "(missing)");

            var folder = intoRepository ? UpgradeFixture.Folder(name) : Path.Combine(_data.Path, "fixture");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, UpgradeFixture.Json));
            await _kz.DisposeAsync();
            await _kg.DisposeAsync();
            UpgradeFixture.Compact(UpgradeFixture.DatabaseOf(kzData, "KZ"), UpgradeFixture.DatabaseOf(folder, "KZ"));
            UpgradeFixture.Compact(UpgradeFixture.DatabaseOf(kgData, "KG"), UpgradeFixture.DatabaseOf(folder, "KG"));
        }
    }

    async Task MakeEveryStateAsync()
    {
        var prosecutor = await As(_kz, "kz.prosecutor");
        var liaison = await As(_kz, "kz.liaison");

        _made.Add(("draft", await DraftAsync()));
        _made.Add(("in review", await InReviewAsync()));
        var returned = await InReviewAsync();
        await liaison.StepAsync($"/api/requests/{returned}/return", new { comments = "Add the witness's address in Bishkek." });
        await _kz.RequestIn(returned, "Draft");
        _made.Add(("returned", returned));
        var rejected = await InReviewAsync();
        await liaison.StepAsync($"/api/requests/{rejected}/reject", new { reasons = "The measures are disproportionate to the offence." });
        await _kz.RequestIn(rejected, "RejectedInternally");
        _made.Add(("rejected internally", rejected));

        await Approved("transmitted, reminded");
        await Along(await Approved("acknowledged"), "register");
        await Along(await Approved("under recognition"), "register", "assign");
        await Along(await Approved("awaiting information"), "register", "assign", "request-information");
        var answered = await Approved("information answered");
        await Along(answered, "register", "assign", "request-information");
        await prosecutor.StepAsync($"/api/requests/{answered}/targets/KG/answer-information", new { answer = "The account is held at the Bishkek branch." });
        await BothIn(answered, "UnderRecognition", "Assigned");
        await Along(await Approved("postponed"), "register", "assign", "postpone");
        await Along(await Approved("refusal proposed"), "register", "assign", "refuse");
        await Along(await Approved("refused"), "register", "assign", "refuse", "sign-off-refusal");
        await Along(await Approved("in execution"), "register", "assign", "accept");
        await Along(await Approved("partially executed"), "register", "assign", "accept", "record-execution:partial");
        await Along(await Approved("postponed during execution"), "register", "assign", "accept", "record-execution:partial", "postpone:execution");
        await Along(await Approved("executed"), "register", "assign", "accept", "record-execution");
        await Along(await Approved("evidence transferred"), "register", "assign", "accept", "record-execution", "transfer-evidence");
        var completed = await Approved("completed");
        await Along(completed, "register", "assign", "accept", "record-execution", "transfer-evidence");
        await prosecutor.StepAsync($"/api/requests/{completed}/targets/KG/confirm-evidence");
        await BothIn(completed, "Completed", "Closed");

        var withdrawn = await Approved("withdrawn");
        await Along(withdrawn, "register", "assign");
        await prosecutor.StepAsync($"/api/requests/{withdrawn}/withdraw", new { reason = "The suspect was arrested in Almaty." });
        await BothIn(withdrawn, "Withdrawn", "Withdrawn");

        var parallel = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        parallel.Kind = RequestKind.ParallelInvestigation;
        var linked = await Approved("parallel investigation with a milestone", parallel);
        await Along(linked, "register", "assign", "accept");
        var kgLiaison = await As(_kg, "kg.liaison");
        var branch = DeterministicGuid.Branch(linked, "KG");
        var proposed = await kgLiaison.PostAsync($"/api/incoming/{branch}/milestones", new { title = "Common action day: simultaneous searches", date = new LocalDate(2026, 12, 15) });
        proposed.EnsureSuccessStatusCode();
        await Eventually.Until(() => _kz.Query(db => db.Milestones.CountAsync(m => m.BranchId == branch)), n => n == 1, TestTimeouts.Workflow, "the milestone in KZ");

        var spontaneous = TestContent.Complete(LegalBasis.Minsk1993, "KG");
        spontaneous.Kind = RequestKind.SpontaneousInformation;
        spontaneous.Measures = [];
        spontaneous.EvidencePurpose = null;
        spontaneous.RequestedAuthority = null;
        await Along(await Approved("spontaneous information", spontaneous), "register");
        await Along(await Approved("spontaneous information turned into a mirror case", spontaneous), "register", "open-mirror-case");

        await MakeRelease2StatesAsync(prosecutor);
        await MakeRelease3StatesAsync(prosecutor);

        // Tajikistan's node is not running: the request waits in KZ's delivery table for its receipt.
        var toTajikistan = await ApprovedOnKzAsync(TestContent.Complete(LegalBasis.Chisinau2002, "TJ"));
        _made.Add(("sent to a node that does not answer", toTajikistan));
    }

    /// <summary>
    /// The states and records issue 14 added (release 2): consultation, acceptance under conditions, an unanswered status
    /// enquiry, per-measure execution by an executor, and a JIT agreement in each of its states.
    /// </summary>
    async Task MakeRelease2StatesAsync(NodeApi prosecutor)
    {
        await Along(await Approved("in consultation"), "register", "assign", "consult");
        await Along(await Approved("accepted under conditions"), "register", "assign", "accept-under-conditions");

        var enquired = await Approved("status enquiry unanswered");
        await Along(enquired, "register", "assign");
        await prosecutor.StepAsync($"/api/requests/{enquired}/targets/KG/enquire", new { question = "Has the witness been summoned? Our trial opens on 1 March." });
        var enquiredCase = DeterministicGuid.Branch(enquired, "KG");
        await Eventually.Until(() => _kg.Query(db => db.StatusEnquiries.CountAsync(e => e.BranchId == enquiredCase)), n => n == 1, TestTimeouts.Workflow, "the enquiry in KG");

        var measured = await Approved("measure executed by an executor");
        await Along(measured, "register", "assign:executor", "accept");
        await (await As(_kg, "kg.executor")).StepAsync($"/api/incoming/{DeterministicGuid.Branch(measured, "KG")}/record-measure",
            new { measure = 1, status = "Executed", summary = "Witness heard in the presence of a psychologist." });
        await BothIn(measured, "PartiallyExecuted", "PartiallyExecuted");

        await Jit("jit awaiting signatures");
        await Along(await Jit("jit signed by KG"), "sign-agreement");
        var signedByKz = await Jit("jit signed by KZ");
        await prosecutor.StepAsync($"/api/requests/{signedByKz}/targets/KG/sign-jit");
        await BothIn(signedByKz, "AgreementSignedHere", "AgreementSignedThere");
        await JitInForce("jit in force");
        await Along(await Jit("jit declined"), "decline-agreement");
        await Along(await JitInForce("jit closed"), "close-agreement");

    }

    /// <summary>
    /// The states and records release 3 (issue 14's JIT extension, issue 15's first part) added: an extension proposed by
    /// each party and one signed (the agreement's end date and the period clock's second round), a mirror investigation
    /// with its case-opening clock, and content with a basis chosen for the country, a detained suspect and a possible
    /// minor with no birth date (urgent clocks, restricted identity). The recognition clocks of "awaiting information" and
    /// "information answered" above are suspended and resumed under this release.
    /// </summary>
    async Task MakeRelease3StatesAsync(NodeApi prosecutor)
    {
        const string reasons = "The network's accounts in Bishkek are still being traced.";
        var kgLiaison = await As(_kg, "kg.liaison");

        var byKg = await JitInForce("jit extension proposed by KG");
        await kgLiaison.StepAsync($"/api/incoming/{DeterministicGuid.Branch(byKg, "KG")}/propose-extension", new { endsOn = new LocalDate(2028, 6, 30), reasons });
        await BothIn(byKg, "ExtensionProposedThere", "ExtensionProposedHere");

        var byKz = await JitInForce("jit extension proposed by KZ");
        await prosecutor.StepAsync($"/api/requests/{byKz}/targets/KG/propose-jit-extension", new { endsOn = new LocalDate(2028, 6, 30), reasons });
        await BothIn(byKz, "ExtensionProposedHere", "ExtensionProposedThere");

        var extended = await JitInForce("jit extended");
        await prosecutor.StepAsync($"/api/requests/{extended}/targets/KG/propose-jit-extension", new { endsOn = new LocalDate(2028, 6, 30), reasons });
        await BothIn(extended, "ExtensionProposedHere", "ExtensionProposedThere");
        await kgLiaison.StepAsync($"/api/incoming/{DeterministicGuid.Branch(extended, "KG")}/sign-extension");
        await BothIn(extended, "AgreementInForce", "AgreementInForce");

        var mirror = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        mirror.Kind = RequestKind.MirrorInvestigation;
        await Along(await Approved("mirror investigation, case-opening clock running", mirror), "register", "assign");

        var priority = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        priority.TargetBases = [new TargetBasis { Country = "KG", LegalBasis = LegalBasis.Untoc }];
        priority.Persons[0].InPretrialDetention = true;
        priority.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "I. J.", Citizenship = "KZ", PlaceOfBirth = "Taraz", Residence = "Almaty",
            Occupation = "pupil", PossibleMinor = true, Unknown = ["dateOfBirth"], ProceduralStatus = ProceduralStatus.Victim,
        });
        await Along(await Approved("urgent: detained suspect and a possible minor, UNTOC towards KG", priority), "register", "assign");
    }

    async Task<Guid> Jit(string label)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(content.Targets);
        var id = await Approved(label, content);
        await Along(id, "register", "assign", "accept:jit");
        return id;
    }

    /// <summary>A JIT agreement signed by KG, then by KZ: in force on both nodes.</summary>
    async Task<Guid> JitInForce(string label)
    {
        var id = await Jit(label);
        await Along(id, "sign-agreement");
        await (await As(_kz, "kz.prosecutor")).StepAsync($"/api/requests/{id}/targets/KG/sign-jit");
        await BothIn(id, "AgreementInForce", "AgreementInForce");
        return id;
    }

    /// <summary>One sign-in per account and node (the node limits sign-ins).</summary>
    async Task<NodeApi> As(NodeFactory node, string user)
    {
        if (!_logins.TryGetValue(user, out var api))
            _logins[user] = api = await node.LoginAsync(user);
        return api;
    }

    async Task<Guid> DraftAsync(RequestContent? content = null)
    {
        var created = await (await As(_kz, "kz.prosecutor")).CreateAsync(content ?? TestContent.Complete(LegalBasis.Chisinau2002, "KG"));
        await _kz.RequestIn(created.Id, "Draft");
        return created.Id;
    }

    async Task<Guid> InReviewAsync(RequestContent? content = null)
    {
        var id = await DraftAsync(content);
        await (await As(_kz, "kz.prosecutor")).StepAsync($"/api/requests/{id}/submit");
        await _kz.RequestIn(id, "InReview");
        return id;
    }

    async Task<Guid> ApprovedOnKzAsync(RequestContent content)
    {
        var id = await InReviewAsync(content);
        await (await As(_kz, "kz.liaison")).StepAsync($"/api/requests/{id}/approve");
        await _kz.RequestIn(id, "Approved");
        foreach (var target in content.Targets)
            await _kz.BranchIn(DeterministicGuid.Branch(id, target), "Transmitted");
        return id;
    }

    /// <summary>A request to KG created, submitted and approved on KZ, received on KG.</summary>
    async Task<Guid> Approved(string label, RequestContent? content = null)
    {
        var id = await ApprovedOnKzAsync(content ?? TestContent.Complete(LegalBasis.Chisinau2002, "KG"));
        await _kg.IncomingIn(DeterministicGuid.Branch(id, "KG"), "Received");
        _made.Add((label, id));
        return id;
    }

    /// <summary>KG's liaison officer takes <paramref name="steps"/> on the case (its supervisor signs off a refusal); each one is waited for on both nodes.</summary>
    async Task Along(Guid request, params string[] steps)
    {
        var kgLiaison = await As(_kg, "kg.liaison");
        var kgSupervisor = await As(_kg, "kg.supervisor");
        var branch = DeterministicGuid.Branch(request, "KG");
        foreach (var step in steps)
        {
            var (body, incoming, requesting) = step switch
            {
                "register" => ((object)new { }, "Registered", "Acknowledged"),
                "assign" => (new { assignee = "kg.liaison" }, "Assigned", "UnderRecognition"),
                "assign:executor" => (new { assignee = "kg.executor" }, "Assigned", "UnderRecognition"),
                "consult" => (new { purpose = "Conditions", reasons = "The witness is under protection here.",
                    conditions = new[] { new { kind = "Confidentiality", text = "The witness's name is not disclosed before trial." } } }, "InConsultation", "InConsultation"),
                "accept-under-conditions" => (new { conditions = new[] { new { kind = "UseLimitedToProceedings", text = "Used only in case KZ-2026-0417." } } },
                    "InExecution", "InExecution"),
                "accept:jit" => (new { }, "AgreementAwaitingSignatures", "AgreementAwaitingSignatures"),
                "sign-agreement" => (new { }, "AgreementSignedHere", "AgreementSignedThere"),
                "decline-agreement" => (new { reasons = "Our investigation does not cover the same network." }, "AgreementDeclined", "AgreementDeclined"),
                "close-agreement" => (new { evaluation = "Two suspects charged in each country." }, "AgreementClosed", "AgreementClosed"),
                "request-information" => (new { questions = "Which branch of the bank holds the account?" }, "AwaitingInformation", "AdditionalInformationRequested"),
                "postpone" => (new { reason = "It would prejudice our own investigation.", until = new LocalDate(2027, 2, 1) }, "Postponed", "Postponed"),
                "postpone:execution" => (new { reason = "It would prejudice our own prosecution.", until = new LocalDate(2027, 2, 1),
                    grounds = new[] { "ONGOING_PROSECUTION" } }, "ExecutionPostponed", "ExecutionPostponed"),
                "refuse" => (new { grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "The act is not an offence in Kyrgyzstan." }, "RefusalProposed", "UnderRecognition"),
                "sign-off-refusal" => (new { }, "Refused", "Refused"),
                "accept" => (new { }, "InExecution", "InExecution"),
                "record-execution:partial" => (new { complete = false, summary = "Witness heard; bank records pending." }, "PartiallyExecuted", "PartiallyExecuted"),
                "record-execution" => (new { complete = true, summary = "Witness heard; bank records obtained." }, "Executed", "Executed"),
                "transfer-evidence" => (new { description = "Hearing record and bank statements by diplomatic courier." }, "ResponseTransmitted", "EvidenceTransferred"),
                "open-mirror-case" => (new { }, "MirrorCaseOpened", "InExecution"),
                _ => throw new ArgumentOutOfRangeException(nameof(steps), step, "Not a step of the receiving side."),
            };
            await (step == "sign-off-refusal" ? kgSupervisor : kgLiaison).StepAsync($"/api/incoming/{branch}/{step.Split(':')[0]}", body);
            if ((await _kz.Branch(branch))!.Kind == RequestKind.SpontaneousInformation && step == "register")
                (incoming, requesting) = ("InformationRegistered", "Acknowledged");
            await BothIn(request, requesting, incoming);
        }
    }

    async Task BothIn(Guid request, string branchState, string incomingState)
    {
        var branch = DeterministicGuid.Branch(request, "KG");
        await _kg.IncomingIn(branch, incomingState);
        await _kz.BranchIn(branch, branchState);
    }

    Guid Made(string label) => _made.Single(m => m.Label == label).Request;

    /// <summary>Every instance made, with the state each node stored for it.</summary>
    async Task<List<FixtureInstance>> InstancesAsync()
    {
        var instances = new List<FixtureInstance>();
        foreach (var (label, request) in _made)
        {
            instances.Add(new("KZ", label, "request", request, (await _kz.Request(request))?.CurrentState ?? "(missing)"));
            var branch = DeterministicGuid.Branch(request, "KG");
            if (await _kz.Branch(branch) is { } kzBranch)
            {
                instances.Add(new("KZ", label, "branch", branch, kzBranch.CurrentState));
                instances.Add(new("KG", label, "incoming", branch, (await _kg.Incoming(branch))?.CurrentState ?? "(missing)"));
            }
        }
        return instances;
    }

    static string Release()
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", Repository.Root, "rev-parse", "HEAD"]) { RedirectStandardOutput = true })!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return commit;
    }

    public void Dispose() => _data.Dispose();
}
