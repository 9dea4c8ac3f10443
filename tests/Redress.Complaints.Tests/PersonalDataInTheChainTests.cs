using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Data;
using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

/// <summary>
/// What the chain commits to (ADR 21): personal data only as salted digests whose salts live outside the chain, so a
/// lawful erasure leaves a chain that still verifies; words changed behind the chain's back, and money changed in it,
/// are caught.
/// </summary>
public sealed class PersonalDataInTheChainTests(SqliteComplaintsDatabase database) : IClassFixture<SqliteComplaintsDatabase>
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_chain_holds_digests_of_the_words_not_the_words_and_the_salts_are_stored_beside_it()
    {
        var (customer, number) = await FileAsync();
        await using (var db = database.NewContext())
        {
            var answer = await database.NewConversation(db).SendAsync(
                customer, number, "My phone is 13800138000.", [new UploadedFile("shot.png", s_png.Length, () => new MemoryStream(s_png))], _ct);
            Assert.True(answer.IsSuccess);
        }

        await using var reader = database.NewContext();
        var id = await IdOf(reader, number);
        var chain = await reader.TimelineEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).ToListAsync(_ct);
        Assert.DoesNotContain(chain, e => e.Payload.Contains("13800138000", StringComparison.Ordinal) || e.Payload.Contains("Money left", StringComparison.Ordinal));
        var message = await reader.Messages.Include(m => m.Attachments).SingleAsync(m => m.ComplaintId == id, _ct);
        var sent = Assert.IsType<MessageSent>(chain[^1].Read());
        var salts = await reader.PersonalDataSalts.Where(s => s.ComplaintId == id).ToDictionaryAsync(s => s.Item, _ct);
        Assert.Equal(sent.Message.BodyDigest, salts[PersonalDataItems.MessageBody(message.PublicId)].DigestOf(message.Body));
        var attachment = Assert.Single(sent.Message.Attachments);
        Assert.Equal(attachment.Digest, salts[PersonalDataItems.Attachment(message.Attachments[0].Id)].DigestOf(s_png));
        var received = Assert.IsType<ComplaintReceived>(chain[0].Read());
        Assert.Equal(received.DescriptionDigest, salts[PersonalDataItems.Description].DigestOf("Money left my wallet but the transfer failed."));
        // The same words under another salt give another digest: a digest cannot be tested against a guess without its salt.
        Assert.NotEqual(received.DescriptionDigest, PersonalDataSalt.Draw(PersonalDataItems.Description).DigestOf("Money left my wallet but the transfer failed."));
        Assert.Null(await BreakOf(number));
    }

    [Fact]
    public async Task Erasing_a_message_body_and_its_salt_with_an_erasure_entry_leaves_a_chain_that_verifies()
    {
        var (customer, number) = await FileAsync();
        var messageId = await SendAsync(customer, number, "My name is Wang Xiaoming and I live at 1 Long Road.");
        var officer = Actors.Staff(RedressRoles.ComplianceOfficer);

        await using (var db = database.NewContext())
        {
            var erased = await new PersonalDataEraser(database.NewCaseWork(db)).EraseMessageBodyAsync(officer, number, messageId, "erasure_request", _ct);
            Assert.True(erased.IsSuccess);
        }

        await using var reader = database.NewContext();
        var id = await IdOf(reader, number);
        var message = await reader.Messages.SingleAsync(m => m.PublicId == messageId, _ct);
        Assert.Equal(string.Empty, message.Body);
        Assert.NotNull(message.BodyErasedAt);
        Assert.False(await reader.PersonalDataSalts.AnyAsync(s => s.ComplaintId == id && s.Item == PersonalDataItems.MessageBody(messageId), _ct));
        var last = await reader.TimelineEvents.Where(e => e.ComplaintId == id).OrderByDescending(e => e.Sequence).FirstAsync(_ct);
        Assert.Equal(new PersonalDataErased([PersonalDataItems.MessageBody(messageId)], "erasure_request").Items, Assert.IsType<PersonalDataErased>(last.Read()).Items);
        Assert.Equal(Visibility.Internal, last.Visibility);
        Assert.Null(await BreakOf(number));
    }

    [Fact]
    public async Task Only_a_compliance_officer_may_erase()
    {
        var (customer, number) = await FileAsync();
        var messageId = await SendAsync(customer, number, "Please forget this.");
        await using var db = database.NewContext();

        var refused = await new PersonalDataEraser(database.NewCaseWork(db)).EraseMessageBodyAsync(Actors.Staff(RedressRoles.Supervisor), number, messageId, "erasure_request", _ct);

        Assert.Equal(ErrorKind.Forbidden, refused.Error?.Kind);
    }

    [Fact]
    public async Task A_salt_deleted_without_an_erasure_entry_is_reported()
    {
        var (customer, number) = await FileAsync();
        var messageId = await SendAsync(customer, number, "Words that someone wants gone quietly.");
        await using (var db = database.NewContext())
        {
            var item = PersonalDataItems.MessageBody(messageId);
            await db.PersonalDataSalts.Where(s => s.Item == item).ExecuteDeleteAsync(_ct);
        }

        var broken = await BreakOf(number);

        Assert.Equal(2, broken?.Sequence);
        Assert.Contains("no erasure records it", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_body_changed_behind_the_chain_is_detected_by_its_digest()
    {
        var (customer, number) = await FileAsync();
        var messageId = await SendAsync(customer, number, "I was charged twice, 120.50 each time.");
        Assert.Null(await BreakOf(number));
        await using (var db = database.NewContext())
        {
            await db.Messages.Where(m => m.PublicId == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, "I was charged once."), _ct);
        }

        var broken = await BreakOf(number);

        Assert.Equal(2, broken?.Sequence);
        Assert.Equal($"{PersonalDataItems.MessageBody(messageId)} does not match its digest", broken!.Reason);
    }

    [Fact]
    public async Task A_changed_complaint_description_is_detected_on_the_first_entry()
    {
        var (_, number) = await FileAsync();
        await using (var db = database.NewContext())
        {
            var id = await IdOf(db, number);
            await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Description, "Something else entirely."), _ct);
        }

        var broken = await BreakOf(number);

        Assert.Equal((1, "description does not match its digest"), (broken?.Sequence, broken?.Reason));
    }

    [Fact]
    public async Task A_remedy_amount_changed_in_the_chain_is_detected()
    {
        var (_, number) = await FileAsync();
        var agent = Actors.Staff(RedressRoles.Agent);
        await using (var db = database.NewContext())
        {
            var work = database.NewCaseWork(db);
            var complaint = (await work.LoadForChangeAsync(agent, number, _ct)).Value;
            var remedy = Remedy.Propose(complaint, RemedyKind.Refund, new Money(12_050, Currency.Cny), null, "TX42", null, "Charged twice", false, agent, work.Now);
            db.Remedies.Add(remedy);
            complaint.RecordRemedy(TimelineEventTypes.RemedyProposed, agent, remedy, work.Now);
            Assert.Null(await work.SaveAsync(_ct));
        }

        Assert.Null(await BreakOf(number));
        await using (var db = database.NewContext())
        {
            var id = await IdOf(db, number);
            var entry = await db.TimelineEvents.SingleAsync(e => e.ComplaintId == id && e.Type == TimelineEventTypes.RemedyProposed, _ct);
            var inflated = entry.Payload.Replace("\"amountMinorUnits\":12050", "\"amountMinorUnits\":1205000", StringComparison.Ordinal);
            Assert.NotEqual(entry.Payload, inflated);
            await db.TimelineEvents.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, inflated), _ct);
        }

        var broken = await BreakOf(number);

        Assert.Equal((2, "its content does not match its hash"), (broken?.Sequence, broken?.Reason));
    }

    private async Task<BrokenLink?> BreakOf(string number)
    {
        await using var db = database.NewContext();
        var result = await new TimelineVerifier(db).VerifyAsync(TimelineVerifier.DefaultBatchSize, _ct);
        return result.Broken.SingleOrDefault(b => b.ComplaintNumber == number);
    }

    private async Task<Guid> SendAsync(Actor customer, string number, string body)
    {
        await using var db = database.NewContext();
        var sent = await database.NewConversation(db).SendAsync(customer, number, body, [], _ct);
        Assert.True(sent.IsSuccess);
        return sent.Value.Conversation.Single(m => m.Body == body).Id;
    }

    private static Task<long> IdOf(ComplaintsDbContext db, string number)
    {
        Assert.True(ComplaintNumber.TryParse(number, out var parsed));
        var stored = parsed.Value.Value;
        return db.Complaints.Where(c => c.Number == stored).Select(c => c.Id).SingleAsync();
    }

    private async Task<(Actor Customer, string Number)> FileAsync()
    {
        var customer = Actors.Customer();
        await using var db = database.NewContext();
        var request = new FileComplaintRequest(
            ComplaintCategory.TransactionFailure.ToString(), "Money left my wallet but the transfer failed.", database.Time.GetUtcNow().AddDays(-1), "TX42", 120.50m, "CNY", "Refund it");
        var filed = await database.NewFileHandler(db).HandleAsync(customer, request, ComplaintChannel.InApp, _ct);
        return (customer, filed.Value.Number);
    }
}
