using System.Text;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

public sealed class CaseHandlingOnSqliteTests(SqliteComplaintsDatabase database) : IClassFixture<SqliteComplaintsDatabase>
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operation_stores_the_change_and_its_chained_entry_together()
    {
        var (customer, number) = await FileAsync();
        var agent = Actors.Staff(RedressRoles.Agent);
        await using var db = database.NewContext();

        var result = await database.NewLifecycle(db).AcknowledgeAsync(agent, number, _ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(ComplaintStage.Acknowledged, result.Value.Stage);
        await using var reader = database.NewContext();
        var stored = await reader.Complaints.Include(c => c.Timeline).SingleAsync(c => c.CustomerId == customer.UserId, _ct);
        Assert.Equal(ComplaintStage.Acknowledged, stored.Stage);
        Assert.Null(TimelineVerifier.FirstBreak(stored.Number, [.. stored.Timeline.OrderBy(e => e.Sequence)]));
        Assert.Equal(2, stored.Timeline.Count);
    }

    [Fact]
    public async Task Two_writers_on_the_same_complaint_cannot_both_append_the_next_entry()
    {
        var (_, number) = await FileAsync();
        var first = Actors.Staff(RedressRoles.Agent);
        var second = Actors.Staff(RedressRoles.Agent);
        await using var dbA = database.NewContext();
        await using var dbB = database.NewContext();
        var workA = database.NewCaseWork(dbA);
        var workB = database.NewCaseWork(dbB);

        // Both load the same version and chain head before either writes.
        var a = (await workA.LoadForChangeAsync(first, number, _ct)).Value;
        var b = (await workB.LoadForChangeAsync(second, number, _ct)).Value;
        Assert.True(a.AddNote(first, "first", database.Time.GetUtcNow()).IsSuccess);
        Assert.True(b.AddNote(second, "second", database.Time.GetUtcNow()).IsSuccess);

        Assert.Null(await workA.SaveAsync(_ct));
        var conflict = await workB.SaveAsync(_ct);

        Assert.Equal(("concurrent_change", ErrorKind.Conflict), (conflict!.Code, conflict.Kind));
        await using var reader = database.NewContext();
        var id = await reader.Complaints.Where(c => c.Number == ComplaintNumber.FromStorage(a.Number).Value).Select(c => c.Id).SingleAsync(_ct);
        Assert.Equal([1, 2], await reader.TimelineEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(_ct));
        Assert.Equal(["first"], await reader.Messages.Where(m => m.ComplaintId == id).Select(m => m.Body).ToListAsync(_ct));
    }

    [Fact]
    public async Task Audit_verification_names_the_first_link_broken_by_a_tampered_row()
    {
        var (_, number) = await FileAsync();
        var agent = Actors.Staff(RedressRoles.Agent);
        await using (var db = database.NewContext())
        {
            var lifecycle = database.NewLifecycle(db);
            Assert.True((await lifecycle.AcknowledgeAsync(agent, number, _ct)).IsSuccess);
            Assert.True((await lifecycle.AddNoteAsync(agent, number, new TextRequest("checked the ledger"), _ct)).IsSuccess);
            Assert.True((await lifecycle.AddNoteAsync(agent, number, new TextRequest("second look"), _ct)).IsSuccess);
        }

        await using var verifierDb = database.NewContext();
        var verifier = new TimelineVerifier(verifierDb);
        Assert.DoesNotContain((await verifier.VerifyAsync(2, _ct)).Broken, b => b.ComplaintNumber == number);

        Assert.True(ComplaintNumber.TryParse(number, out var parsed));
        var stored = parsed.Value.Value;
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE timeline_events SET Payload = '{{}}' WHERE Sequence = 3 AND ComplaintId = (SELECT Id FROM complaints WHERE Number = {stored})", _ct);
        }

        var result = await new TimelineVerifier(database.NewContext()).VerifyAsync(2, _ct);

        var broken = Assert.Single(result.Broken, b => b.ComplaintNumber == number);
        Assert.Equal(3, broken.Sequence);
        Assert.False(result.Intact);
    }

    [Fact]
    public async Task A_customers_answer_with_a_screenshot_hands_the_complaint_back_and_keeps_the_file_hash()
    {
        var (customer, number) = await FileAsync();
        var agent = Actors.Staff(RedressRoles.Agent);
        await using (var db = database.NewContext())
        {
            Assert.True((await database.NewLifecycle(db).AcknowledgeAsync(agent, number, _ct)).IsSuccess);
            Assert.True((await database.NewLifecycle(db).RequestInformationAsync(agent, number, new TextRequest("Send a screenshot please."), _ct)).IsSuccess);
        }

        await using var db2 = database.NewContext();
        var sent = await database.NewConversation(db2).SendAsync(customer, number, "Here.", [Upload("shot.png", s_png)], _ct);

        Assert.True(sent.IsSuccess, sent.Error?.Code);
        Assert.Equal(WaitingOn.Operator, sent.Value.WaitingOn);
        var attachment = Assert.Single(sent.Value.Conversation[^1].Attachments);
        Assert.Equal(("image/png", FileSniffer.Sha256Of(s_png)), (attachment.ContentType, attachment.Sha256));
        await using var db3 = database.NewContext();
        var download = await database.NewConversation(db3).DownloadAsync(customer, number, attachment.Id, _ct);
        await using var content = download.Value.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, _ct);
        Assert.Equal(s_png, copy.ToArray());
        Assert.Equal(ErrorKind.NotFound, (await database.NewConversation(db3).DownloadAsync(Actors.Customer(), number, attachment.Id, _ct)).Error!.Kind);
    }

    [Fact]
    public async Task A_file_is_judged_by_its_bytes_not_its_name()
    {
        var (customer, number) = await FileAsync();
        await using var db = database.NewContext();

        var result = await database.NewConversation(db).SendAsync(customer, number, "see file", [Upload("invoice.png", Encoding.UTF8.GetBytes("MZ not an image"))], _ct);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Contains("files", result.Error.Fields!.Keys);
        await using var reader = database.NewContext();
        Assert.False(await reader.Messages.AnyAsync(m => m.Body == "see file", _ct));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, null)]
    public void File_types_come_from_magic_bytes(byte[] head, string? expected) =>
        Assert.Equal(expected, FileSniffer.ContentTypeOf(head));

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\shot.png", "shot.png")]
    [InlineData("a\"b\r\n.pdf", "ab.pdf")]
    [InlineData("..", "attachment")]
    public void Stored_file_names_lose_folders_and_unsafe_characters(string given, string stored) =>
        Assert.Equal(stored, FileSniffer.SafeFileName(given));

    [Fact]
    public async Task Automatic_assignment_picks_the_least_loaded_agent_who_has_the_category()
    {
        var busy = Actors.Staff(RedressRoles.Agent);
        var free = Actors.Staff(RedressRoles.Agent);
        var unskilled = Actors.Staff(RedressRoles.Agent);
        await using (var db = database.NewContext())
        {
            db.AgentSkills.AddRange(AgentSkill.Create(busy.UserId, ComplaintCategory.Other), AgentSkill.Create(free.UserId, ComplaintCategory.Other), AgentSkill.Create(unskilled.UserId, ComplaintCategory.Fees));
            await db.SaveChangesAsync(_ct);
        }

        var (_, first) = await FileAsync(ComplaintCategory.Other);
        var (_, second) = await FileAsync(ComplaintCategory.Other);
        await using var work = database.NewContext();
        var lifecycle = database.NewLifecycle(work);
        Assert.True((await lifecycle.AssignAsync(busy, first, new AssignRequest(busy.UserId, null), _ct)).IsSuccess);

        var assigned = await lifecycle.AssignAsync(busy, second, new AssignRequest(null, true), _ct);

        Assert.Equal(free.UserId, assigned.Value.AssigneeId);
    }

    private async Task<(Actor Customer, string Number)> FileAsync(ComplaintCategory category = ComplaintCategory.TransactionFailure)
    {
        var customer = Actors.Customer();
        await using var db = database.NewContext();
        var request = new FileComplaintRequest(category.ToString(), "Money left my wallet but the transfer failed.", database.Time.GetUtcNow().AddDays(-1), "TX42", 120.50m, "CNY", "Refund it");
        var filed = await database.NewFileHandler(db).HandleAsync(customer, request, ComplaintChannel.InApp, _ct);
        return (customer, filed.Value.Number);
    }

    private static UploadedFile Upload(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes));
}
