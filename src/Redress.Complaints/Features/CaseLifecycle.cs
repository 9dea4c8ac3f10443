using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Data;
using Redress.Complaints.Resources;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>New category and priority for a complaint.</summary>
public sealed record TriageRequest(
    [Required, EnumDataType(typeof(ComplaintCategory))] string? Category,
    [Required, EnumDataType(typeof(ComplaintPriority))] string? Priority);

/// <summary>Assign to a named case worker, or let the system pick the least-loaded agent who has the category.</summary>
public sealed record AssignRequest(Guid? AssigneeId, bool? Automatic);

/// <summary>A text: a question for the customer, a note, a message, the reasons of an appeal, an escalation record.</summary>
public sealed record TextRequest([Required] string? Body);

/// <summary>An outcome with its closure code and the reasons given to the customer.</summary>
public sealed record DecisionRequest(
    [Required, EnumDataType(typeof(ComplaintOutcome))] string? Outcome,
    [Required, EnumDataType(typeof(ClosureCode))] string? ClosureCode,
    [Required] string? Reasons);

/// <summary>Why the final answer needs more time; the customer reads it with the new date of the final answer.</summary>
public sealed record HoldingReplyRequest([Required] string? Reasons);

/// <summary>The complaint that carries on after a duplicate is merged into it.</summary>
public sealed record MergeRequest([Required] string? Survivor);

/// <summary>
/// The case operations on one complaint. Each validates its input, then calls exactly one method on
/// <see cref="Complaint"/>, which changes the state and appends to the timeline, or refuses with a typed error.
/// </summary>
public sealed class CaseLifecycleHandler(CaseWork work, FinalResponseHandler letters)
{
    public Task<Result<ComplaintDetails>> AcknowledgeAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        work.RunAsync(actor, number, CaseAction.Acknowledge, (c, now) => c.Acknowledge(actor, now).Error, cancellationToken);

    public Task<Result<ComplaintDetails>> TriageAsync(Actor actor, string number, TriageRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var category = ParseEnum<ComplaintCategory>(errors, "category", request.Category);
        var priority = ParseEnum<ComplaintPriority>(errors, "priority", request.Priority);
        return errors.Any
            ? Task.FromResult<Result<ComplaintDetails>>(errors.ToError())
            : work.RunAsync(actor, number, CaseAction.Triage, (c, now) => c.Triage(actor, category!.Value, priority!.Value, now).Error, cancellationToken);
    }

    public Task<Result<ComplaintDetails>> StartInvestigationAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        work.RunAsync(actor, number, CaseAction.StartInvestigation, (c, now) => c.StartInvestigation(actor, now).Error, cancellationToken);

    public Task<Result<ComplaintDetails>> RequestInformationAsync(Actor actor, string number, TextRequest request, CancellationToken cancellationToken) =>
        WithText(request.Body, "body", body =>
            work.RunAsync(actor, number, CaseAction.RequestInformation, (c, now) => c.RequestInformation(actor, body, now).Error, cancellationToken));

    public Task<Result<ComplaintDetails>> AddNoteAsync(Actor actor, string number, TextRequest request, CancellationToken cancellationToken) =>
        WithText(request.Body, "body", body =>
            work.RunAsync(actor, number, CaseAction.AddNote, (c, now) => c.AddNote(actor, body, now).Error, cancellationToken));

    public Task<Result<ComplaintDetails>> ResolveAsync(Actor actor, string number, DecisionRequest request, CancellationToken cancellationToken) =>
        WithDecision(request, async (outcome, code, reasons) =>
        {
            var found = await work.FindAsync(actor, number, track: false, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var remedies = await work.Db.Remedies.AsNoTracking().Where(r => r.ComplaintId == found.Value.Id).OrderBy(r => r.ProposedAt).ToListAsync(cancellationToken);
            if (remedies.Any(r => r.Status == RemedyStatus.Executing))
            {
                return work.Localize(CaseErrors.Conflict("remedy_executing"));
            }

            // The closure code reported to the regulator must say money was paid when it was.
            if (remedies.Any(r => r.MovesMoney && r.Status == RemedyStatus.Executed) && code != ClosureCode.ClosedWithMonetaryRelief)
            {
                return Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["closureCode"] = [work.Text["ClosureCodeMonetaryRelief"]] });
            }

            return await letters.DecideAndIssueAsync(actor, number, (c, now) => c.Resolve(actor, outcome, code, reasons, now, remedies).Error, cancellationToken);
        });

    public Task<Result<ComplaintDetails>> AcceptAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        work.RunAsync(actor, number, CaseAction.Accept, (c, now) => c.Accept(actor, now).Error, cancellationToken);

    public Task<Result<ComplaintDetails>> AppealAsync(Actor actor, string number, TextRequest request, CancellationToken cancellationToken) =>
        WithText(request.Body, "body", reasons =>
            work.RunAsync(actor, number, CaseAction.Appeal, (c, now) => c.Appeal(actor, reasons, now, work.Options).Error, cancellationToken));

    public Task<Result<ComplaintDetails>> StartReviewAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        work.RunAsync(actor, number, CaseAction.StartReview, (c, now) => c.StartReview(actor, now).Error, cancellationToken);

    public Task<Result<ComplaintDetails>> DecideAppealAsync(Actor actor, string number, DecisionRequest request, CancellationToken cancellationToken) =>
        WithDecision(request, (outcome, code, reasons) =>
            letters.DecideAndIssueAsync(actor, number, (c, now) => c.DecideAppeal(actor, outcome, code, reasons, now).Error, cancellationToken));

    public Task<Result<ComplaintDetails>> WithdrawAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        work.RunAsync(actor, number, CaseAction.Withdraw, (c, now) => c.Withdraw(actor, now).Error, cancellationToken);

    public Task<Result<ComplaintDetails>> EscalateAsync(Actor actor, string number, TextRequest request, CancellationToken cancellationToken) =>
        WithText(request.Body, "body", body =>
            work.RunAsync(actor, number, CaseAction.EscalateExternally, (c, now) => c.EscalateExternally(actor, body, now).Error, cancellationToken));

    public Task<Result<ComplaintDetails>> NudgeAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        work.RunAsync(actor, number, CaseAction.Nudge, (c, now) => c.Nudge(actor, now, work.Options).Error, cancellationToken);

    /// <summary>Sends the holding reply; the final deadline becomes the policy's extended one and the SLA plan follows it.</summary>
    public Task<Result<ComplaintDetails>> SendHoldingReplyAsync(Actor actor, string number, HoldingReplyRequest request, CancellationToken cancellationToken) =>
        WithText(request.Reasons, "reasons", reasons =>
            work.RunAsync(actor, number, CaseAction.SendHoldingReply, (c, now) =>
            {
                var sent = c.SendHoldingReply(actor, reasons, now);
                if (sent.IsSuccess)
                {
                    work.Clock.Reschedule(c);
                }

                return sent.Error;
            }, cancellationToken));

    /// <summary>Merges the duplicate <paramref name="number"/> into the survivor; both change in one transaction.</summary>
    public async Task<Result<ComplaintDetails>> MergeAsync(Actor actor, string number, MergeRequest request, CancellationToken cancellationToken)
    {
        if (!actor.IsCaseWorker)
        {
            return work.Localize(CaseErrors.Forbidden("action_not_allowed_for_role"));
        }

        if (!ComplaintNumber.TryParse(request.Survivor, out _))
        {
            return Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["survivor"] = [work.Text["NumberInvalid"]] });
        }

        var survivor = await work.LoadForChangeAsync(actor, request.Survivor!, cancellationToken);
        if (!survivor.IsSuccess)
        {
            return survivor.Error.Kind == ErrorKind.NotFound
                ? Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["survivor"] = [work.Text["ComplaintNotFound"]] })
                : survivor.Error;
        }

        return await work.RunAsync(actor, number, CaseAction.Merge, (c, now) => c.MergeInto(survivor.Value, actor, now).Error, cancellationToken);
    }

    /// <summary>Assigns by hand, or automatically to the least-loaded agent who has the complaint's category.</summary>
    public async Task<Result<ComplaintDetails>> AssignAsync(Actor actor, string number, AssignRequest request, CancellationToken cancellationToken)
    {
        var automatic = request.Automatic ?? false;
        if (automatic == request.AssigneeId.HasValue)
        {
            return Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["assigneeId"] = [work.Text["AssignWhoOrAutomatic"]] });
        }

        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        Guid assignee;
        if (automatic)
        {
            var picked = await StaffLoad.LeastLoadedAgentAsync(work.Db, found.Value.Category, cancellationToken);
            if (picked is not { } agent)
            {
                return work.Localize(CaseErrors.Conflict("no_agent_for_category"));
            }

            assignee = agent;
        }
        else
        {
            assignee = request.AssigneeId!.Value;
            // Only known agents (with at least one category) or the actor themselves can own complaints.
            if (assignee != actor.UserId && !await work.Db.AgentSkills.AnyAsync(s => s.AgentId == assignee, cancellationToken))
            {
                return Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["assigneeId"] = [work.Text["AssigneeUnknown"]] });
            }
        }

        return await work.RunAsync(actor, number, CaseAction.Assign, (c, now) => c.Assign(actor, assignee, automatic, now).Error, cancellationToken);
    }

    internal T? ParseEnum<T>(ValidationErrors errors, string field, string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, work.Text["ChoiceRequired", string.Join(", ", Enum.GetNames<T>())]);
            return null;
        }

        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(field, work.Text["ChoiceUnknown", string.Join(", ", Enum.GetNames<T>())]);
        return null;
    }

    internal string? CheckText(ValidationErrors errors, string field, string? value) =>
        errors.CheckText(work.Text, field, value, ComplaintMessageConfiguration.BodyMaxLength);

    private Task<Result<ComplaintDetails>> WithText(string? value, string field, Func<string, Task<Result<ComplaintDetails>>> then)
    {
        var errors = new ValidationErrors();
        var text = CheckText(errors, field, value);
        return errors.Any ? Task.FromResult<Result<ComplaintDetails>>(errors.ToError()) : then(text!);
    }

    private Task<Result<ComplaintDetails>> WithDecision(DecisionRequest request, Func<ComplaintOutcome, ClosureCode, string, Task<Result<ComplaintDetails>>> then)
    {
        var errors = new ValidationErrors();
        var outcome = ParseEnum<ComplaintOutcome>(errors, "outcome", request.Outcome);
        var code = ParseEnum<ClosureCode>(errors, "closureCode", request.ClosureCode);
        var reasons = CheckText(errors, "reasons", request.Reasons);
        return errors.Any ? Task.FromResult<Result<ComplaintDetails>>(errors.ToError()) : then(outcome!.Value, code!.Value, reasons!);
    }
}

internal static class CaseLifecycleEndpoints
{
    public static void MapCaseLifecycle(this RouteGroupBuilder group)
    {
        var staff = group.MapGroup("/{number}").RequireAuthorization(RedressPolicies.CaseWorker);
        var customer = group.MapGroup("/{number}").RequireAuthorization(RedressPolicies.Customer);

        staff.MapPost("/acknowledge", (string number, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.AcknowledgeAsync(ActorOf(http), number, ct))).WithName("AcknowledgeComplaint").WithSummary("Acknowledge a received complaint");
        staff.MapPost("/triage", (string number, TriageRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.TriageAsync(ActorOf(http), number, request, ct))).WithName("TriageComplaint").WithSummary("Set category and priority");
        staff.MapPost("/assign", (string number, AssignRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.AssignAsync(ActorOf(http), number, request, ct))).WithName("AssignComplaint").WithSummary("Assign by hand or automatically; re-assigning is for supervisors");
        staff.MapPost("/investigate", (string number, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.StartInvestigationAsync(ActorOf(http), number, ct))).WithName("StartInvestigation").WithSummary("Start the investigation of a triaged complaint");
        staff.MapPost("/information-requests", (string number, TextRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.RequestInformationAsync(ActorOf(http), number, request, ct))).WithName("RequestInformation").WithSummary("Ask the customer for information; the complaint then waits on them");
        staff.MapPost("/notes", (string number, TextRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.AddNoteAsync(ActorOf(http), number, request, ct))).WithName("AddNote").WithSummary("Add an internal note, never shown to the customer");
        staff.MapPost("/resolve", (string number, DecisionRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.ResolveAsync(ActorOf(http), number, request, ct))).WithName("ResolveComplaint").WithSummary("Resolve with an outcome, closure code and reasons");
        staff.MapPost("/review", (string number, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.StartReviewAsync(ActorOf(http), number, ct))).WithName("StartAppealReview").WithSummary("A supervisor who did not handle the complaint takes the appeal");
        staff.MapPost("/appeal-decision", (string number, DecisionRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.DecideAppealAsync(ActorOf(http), number, request, ct))).WithName("DecideAppeal").WithSummary("The reviewing supervisor's final decision");
        staff.MapPost("/escalations", (string number, TextRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.EscalateAsync(ActorOf(http), number, request, ct))).WithName("EscalateExternally").WithSummary("Record that a regulator or third party is now involved");
        staff.MapPost("/holding-reply", (string number, HoldingReplyRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.SendHoldingReplyAsync(ActorOf(http), number, request, ct))).WithName("SendHoldingReply")
            .WithSummary("Send the holding reply: reasons for the delay; the final deadline moves to the policy's extended one");
        staff.MapPost("/merge", (string number, MergeRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.MergeAsync(ActorOf(http), number, request, ct))).WithName("MergeComplaint").WithSummary("Merge this duplicate into the surviving complaint");

        customer.MapPost("/accept", (string number, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.AcceptAsync(ActorOf(http), number, ct))).WithName("AcceptOutcome").WithSummary("Accept the outcome; the complaint closes");
        customer.MapPost("/appeal", (string number, TextRequest request, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.AppealAsync(ActorOf(http), number, request, ct))).WithName("AppealOutcome").WithSummary("Appeal the outcome within the window, giving reasons; one appeal only");
        customer.MapPost("/withdraw", (string number, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.WithdrawAsync(ActorOf(http), number, ct))).WithName("WithdrawComplaint").WithSummary("Withdraw an open complaint");
        customer.MapPost("/nudge", (string number, HttpContext http, CaseLifecycleHandler h, CancellationToken ct) =>
            Answer(h.NudgeAsync(ActorOf(http), number, ct))).WithName("NudgeComplaint").WithSummary("Follow up on an open complaint, at most once per 24 hours");
    }

    internal static Actor ActorOf(HttpContext context) => Actor.FromPrincipal(context.User)!;

    internal static Task<Results<Ok<ComplaintDetails>, ProblemHttpResult>> Answer(Task<Result<ComplaintDetails>> pending) => pending.ToHttpAsync();
}
