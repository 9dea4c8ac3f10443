using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Redress.Complaints.Data;
using Redress.Complaints.Resources;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.People;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>Which queue: open complaints nobody owns, the caller's own, or every open complaint.</summary>
public enum QueueKind
{
    Unassigned,
    Mine,
    All,
}

/// <summary>A queue row for staff: the summary plus who owns it and when the customer last nudged.</summary>
public sealed record QueueItem(ComplaintSummary Complaint, Guid? AssigneeId, DateTimeOffset? LastNudgedAt);

public sealed record QueueFilter(string? Queue, string? Category, string? Priority, string? Cursor, int? Limit);

/// <summary>One case worker's open complaints and categories, for supervisors balancing the work.</summary>
public sealed record AgentLoad(Guid AgentId, string DisplayName, int OpenComplaints, IReadOnlyList<ComplaintCategory> Categories);

/// <summary>The categories an agent handles; none (or left out) clears them.</summary>
public sealed record AgentSkillsRequest([EnumDataType(typeof(ComplaintCategory))] IReadOnlyList<string>? Categories);

/// <summary>Staff queues, the supervisors' load view and agents' categories.</summary>
public sealed class StaffQueuesHandler(ComplaintsDbContext db, IUserDirectory directory, IStringLocalizer<ComplaintMessages> text)
{
    public async Task<Result<Page<QueueItem>>> QueueAsync(Actor staff, QueueFilter filter, CancellationToken cancellationToken)
    {
        if (!staff.IsCaseWorker)
        {
            return Error.Forbidden("case_workers_only", text["action_not_allowed_for_role"]);
        }

        var errors = new ValidationErrors();
        var queue = Parse(errors, "queue", filter.Queue) ?? QueueKind.Unassigned;
        var category = Parse<ComplaintCategory>(errors, "category", filter.Category);
        var priority = Parse<ComplaintPriority>(errors, "priority", filter.Priority);
        var (after, size) = KeysetCursor.Parse(filter.Cursor, filter.Limit, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var query = db.Complaints.AsNoTracking().Where(c => c.Id < after && CaseRules.OpenStages.Contains(c.Stage));
        query = queue switch
        {
            QueueKind.Unassigned => query.Where(c => c.AssigneeId == null),
            QueueKind.Mine => query.Where(c => c.AssigneeId == staff.UserId),
            _ => query,
        };
        if (category is { } k)
        {
            query = query.Where(c => c.Category == k);
        }

        if (priority is { } p)
        {
            query = query.Where(c => c.Priority == p);
        }

        var rows = await query.OrderByDescending(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = KeysetCursor.ToPage(rows, size, c => c.Id);
        return new Page<QueueItem>([.. page.Items.Select(c => new QueueItem(ComplaintSummaries.ToSummary(c), c.AssigneeId, c.LastNudgedAt))], page.NextCursor);
    }

    /// <summary>Everyone's open complaints: every agent with categories, and anyone else who owns open complaints.</summary>
    public async Task<Result<IReadOnlyList<AgentLoad>>> LoadAsync(Actor supervisor, CancellationToken cancellationToken)
    {
        if (!supervisor.Roles.Contains(RedressRoles.Supervisor))
        {
            return Error.Forbidden("supervisors_only", text["action_not_allowed_for_role"]);
        }

        var counts = await StaffLoad.OpenCountsAsync(db, cancellationToken);
        var skills = (await db.AgentSkills.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(s => s.AgentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ComplaintCategory>)[.. g.Select(s => s.Category).Order()]);
        var ids = counts.Keys.Union(skills.Keys).ToList();
        var people = await directory.FindAsync(ids, cancellationToken);
        return ids
            .Select(id => new AgentLoad(
                id,
                people.TryGetValue(id, out var person) ? person.DisplayName : id.ToString("N")[..8],
                counts.GetValueOrDefault(id),
                skills.GetValueOrDefault(id) ?? []))
            .OrderByDescending(l => l.OpenComplaints)
            .ThenBy(l => l.DisplayName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Replaces an agent's categories; supervisors manage who automatic assignment may pick.</summary>
    public async Task<Result<IReadOnlyList<ComplaintCategory>>> SetSkillsAsync(Actor supervisor, Guid agentId, AgentSkillsRequest request, CancellationToken cancellationToken)
    {
        if (!supervisor.Roles.Contains(RedressRoles.Supervisor))
        {
            return Error.Forbidden("supervisors_only", text["action_not_allowed_for_role"]);
        }

        var errors = new ValidationErrors();
        var categories = new SortedSet<ComplaintCategory>();
        foreach (var value in request.Categories ?? [])
        {
            if (Parse<ComplaintCategory>(errors, "categories", value) is { } category)
            {
                categories.Add(category);
            }
        }

        if ((await directory.FindAsync([agentId], cancellationToken)).Count == 0)
        {
            errors.Add("agentId", text["AssigneeUnknown"]);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        await db.AgentSkills.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        db.AgentSkills.AddRange(categories.Select(c => AgentSkill.Create(agentId, c)));
        await db.SaveChangesAsync(cancellationToken);
        return categories.ToList();
    }

    private QueueKind? Parse(ValidationErrors errors, string field, string? value) => Parse<QueueKind>(errors, field, value);

    private T? Parse<T>(ValidationErrors errors, string field, string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(field, text["ChoiceUnknown", string.Join(", ", Enum.GetNames<T>())]);
        return null;
    }
}

/// <summary>Open complaints per owner; also how automatic assignment finds the least-loaded agent.</summary>
internal static class StaffLoad
{
    public static async Task<Dictionary<Guid, int>> OpenCountsAsync(ComplaintsDbContext db, CancellationToken cancellationToken) =>
        await db.Complaints.AsNoTracking()
            .Where(c => c.AssigneeId != null && CaseRules.OpenStages.Contains(c.Stage))
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, cancellationToken);

    /// <summary>The agent with the category who owns the fewest open complaints; ties go to the lowest id so the choice is repeatable.</summary>
    public static async Task<Guid?> LeastLoadedAgentAsync(ComplaintsDbContext db, ComplaintCategory category, CancellationToken cancellationToken)
    {
        var agents = await db.AgentSkills.AsNoTracking().Where(s => s.Category == category).Select(s => s.AgentId).ToListAsync(cancellationToken);
        if (agents.Count == 0)
        {
            return null;
        }

        var counts = await db.Complaints.AsNoTracking()
            .Where(c => c.AssigneeId != null && agents.Contains(c.AssigneeId.Value) && CaseRules.OpenStages.Contains(c.Stage))
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, cancellationToken);
        return agents.OrderBy(a => counts.GetValueOrDefault(a)).ThenBy(a => a).First();
    }
}

internal static class StaffQueuesEndpoints
{
    public static void MapStaffQueues(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(RedressPolicies.CaseWorker);
        group.MapGet("/queues", QueueAsync).WithName("StaffQueue").WithSummary("Open complaints: unassigned, mine or all, by category and priority, newest first").ProducesValidationProblem();
        group.MapGet("/load", LoadAsync).WithName("StaffLoad").WithSummary("Open complaints per case worker (supervisors)").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/agents/{agentId:guid}/skills", SetSkillsAsync).WithName("SetAgentSkills").WithSummary("The categories an agent handles (supervisors)").ProducesValidationProblem();
    }

    private static async Task<Results<Ok<Page<QueueItem>>, ProblemHttpResult>> QueueAsync(
        HttpContext context,
        StaffQueuesHandler handler,
        CancellationToken cancellationToken,
        string? queue = null,
        string? category = null,
        string? priority = null,
        string? cursor = null,
        int? limit = null)
    {
        var result = await handler.QueueAsync(Actor.FromPrincipal(context.User)!, new QueueFilter(queue, category, priority, cursor, limit), cancellationToken);
        return result.ToHttp();
    }

    private static async Task<Results<Ok<IReadOnlyList<AgentLoad>>, ProblemHttpResult>> LoadAsync(HttpContext context, StaffQueuesHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.LoadAsync(Actor.FromPrincipal(context.User)!, cancellationToken);
        return result.ToHttp();
    }

    private static async Task<Results<Ok<IReadOnlyList<ComplaintCategory>>, ProblemHttpResult>> SetSkillsAsync(
        Guid agentId, AgentSkillsRequest request, HttpContext context, StaffQueuesHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.SetSkillsAsync(Actor.FromPrincipal(context.User)!, agentId, request, cancellationToken);
        return result.ToHttp();
    }
}
