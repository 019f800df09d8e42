using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.FastTests.Workflows;

public sealed class The_outgoing_request_workflow(WorkflowHarness<OutgoingRequestStateMachine, OutgoingRequestState> harness)
    : WorkflowTransitions<OutgoingRequestStateMachine, OutgoingRequestState, OutgoingRequestSpec>(harness);

public sealed class The_branch_workflow(WorkflowHarness<BranchStateMachine, BranchState> harness)
    : WorkflowTransitions<BranchStateMachine, BranchState, BranchSpec>(harness);

public sealed class The_incoming_case_workflow(WorkflowHarness<IncomingCaseStateMachine, IncomingCaseState> harness)
    : WorkflowTransitions<IncomingCaseStateMachine, IncomingCaseState, IncomingCaseSpec>(harness);

public sealed class The_deadline_clock_workflow(WorkflowHarness<DeadlineClockStateMachine, DeadlineClockState> harness)
    : WorkflowTransitions<DeadlineClockStateMachine, DeadlineClockState, DeadlineClockSpec>(harness);
