using System.Reflection;
using System.Text;
using Redress.SharedKernel.Outbox;

namespace Redress.Complaints.Tests;

/// <summary>
/// Pins, for one fixed example of every entry type, the exact canonical payload and the entry's hash. A refactor that
/// would change what is chained (a renamed property, another order, another date or enum format, another hash input)
/// fails here instead of silently writing chains that old verifiers or auditors would read differently.
/// </summary>
public sealed class TimelineGoldenTests
{
    private const string Number = "K7M2Q9XR4";
    private const string Previous = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string DigestA = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string DigestB = "2222222222222222222222222222222222222222222222222222222222222222";
    private static readonly DateTimeOffset s_at = new DateTimeOffset(2026, 11, 25, 9, 30, 15, TimeSpan.Zero).AddTicks(1_234_567);
    private static readonly DateTimeOffset s_due = new(2026, 12, 16, 23, 59, 59, TimeSpan.Zero);
    private static readonly Guid s_actor = Guid.Parse("0192f0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f");
    private static readonly Guid s_id = Guid.Parse("0192f0c4-aaaa-7bbb-8ccc-dddddddddddd");
    private static readonly Guid s_other = Guid.Parse("0192f0c4-eeee-7fff-8000-111111111111");
    private static readonly MessageRef s_message = new(s_id, MessageKind.Message, DigestA, [new AttachmentRef(s_other, DigestB)]);

    /// <summary>One example per payload record. Adding a record without an example fails <see cref="Every_entry_type_has_a_record_and_a_golden_example"/>.</summary>
    private static readonly TimelinePayload[] s_examples =
    [
        new ComplaintReceived(
            ComplaintCategory.TransactionFailure, ComplaintChannel.Web, ComplaintPriority.Normal, "CN", s_at.AddDays(-1), "TX2611250000000001", 50_000, "CNY", DigestA, DigestB),
        new ComplaintAcknowledged(s_due),
        new ComplaintTriaged(ComplaintCategory.Other, ComplaintPriority.Normal, ComplaintCategory.Fees, ComplaintPriority.High),
        new ComplaintAssigned(s_actor, null, true),
        new InvestigationStarted(),
        new InformationRequested(s_message with { Kind = MessageKind.InformationRequest, Attachments = [] }),
        new InformationProvided(s_message),
        new MessageSent(s_message),
        new NoteAdded(s_message with { Kind = MessageKind.Note, Attachments = [] }),
        new ComplaintResolved(
            s_message with { Kind = MessageKind.Resolution, Attachments = [] },
            ComplaintOutcome.Upheld,
            ClosureCode.ClosedWithMonetaryRelief,
            [new RemedyGiven(s_other, RemedyKind.Refund, RemedyStatus.Executed, "TX2611250000000002")],
            "failed_but_debited"),
        new ComplaintAccepted(),
        new ComplaintAppealed(s_message with { Kind = MessageKind.Appeal, Attachments = [] }),
        new ReviewStarted(s_actor),
        new AppealDecided(s_message with { Kind = MessageKind.AppealDecision, Attachments = [] }, ComplaintOutcome.PartlyUpheld, ClosureCode.ClosedWithExplanation),
        new ComplaintWithdrawn(ComplaintStage.Investigating),
        new EscalatedExternally(s_message with { Kind = MessageKind.Note, Attachments = [] }, ComplaintStage.Resolved),
        new MergedInto("K7M2Q9XR5"),
        new DuplicateMergedIn("K7M2Q9XR3"),
        new ComplaintNudged(ComplaintPriority.Normal, ComplaintPriority.High, s_actor),
        new HoldingReplySent(s_message with { Kind = MessageKind.HoldingReply, Attachments = [] }, s_due, s_due.AddDays(20)),
        new FinalResponseIssued(s_id, DigestA, s_other, DigestB, "zh-CN"),
        new ComplaintInvestigated(["transaction_found", "failed_but_debited"], "TX2611250000000001", true, null, 0, [], ["TX2611250000000003"]),
        new RemedyProposed(s_id, RemedyKind.Refund, 50_000, "CNY", null, "TX2611250000000001", null, "remedy:K7M2Q9XR4:1", RemedyStatus.Proposed, null, false),
        new RemedyApproved(s_id, RemedyKind.Compensation, 2_000, "GBP", null, null, null, "remedy:K7M2Q9XR4:2", RemedyStatus.Approved, null, false),
        new RemedyRequested(s_id, RemedyKind.Points, null, null, 500, null, null, null, RemedyStatus.Executing, null, false),
        new RemedyExecuted(s_id, RemedyKind.Refund, 50_000, "CNY", null, "TX2611250000000001", "TX2611250000000009", "remedy:K7M2Q9XR4:1", RemedyStatus.Executed, null, true),
        new RemedyFailed(s_id, RemedyKind.FeeReversal, 300, "EUR", null, "TX2611250000000004", null, "remedy:K7M2Q9XR4:3", RemedyStatus.Failed, "account_frozen", false),
        new WalletFrozen(s_other, "Frozen"),
        new WalletUnfrozen(s_other, "Active"),
        new SlaWarning(0.5, s_due, s_actor),
        new SlaHoldingReplyDue(s_due.AddDays(-10), s_due.AddDays(20), null),
        new SlaBreached(s_due, null, "supervisor"),
        new DeliveryReported(4711, "email", DeliveryOutcome.Retrying),
        new AutoResolutionChecked(false, "failed_but_debited", "above_cap", ["transaction_found"], 10_000, null, null),
        new AutoResolutionApplied(
            "failed_but_debited", "TX2611250000000001", "Transfer", "Failed", 50_000, "CNY", s_at.AddDays(-3), "Li Lei", 0, 50_000, null, null, "TX2611250000000009"),
        new AutoResolutionConfirmed("failed_but_debited"),
        new AutoResolutionReversed("failed_but_debited", s_id, "TX2611250000000009", "TX2611250000000010", 50_000, "CNY"),
        new PersonalDataErased(["message:0192f0c4aaaa7bbb8cccdddddddddddd"], "erasure_request"),
    ];

    /// <summary>Entry type → (canonical payload, entry hash) for the example above; never edit these to make a test pass.</summary>
    private static readonly Dictionary<string, (string Payload, string Hash)> s_golden = new(StringComparer.Ordinal)
    {
        [TimelineEventTypes.Received] =
            ("""{"category":"TransactionFailure","channel":"Web","priority":"Normal","jurisdiction":"CN","occurredAt":"2026-11-24T09:30:15.123456Z","transactionReference":"TX2611250000000001","amountMinorUnits":50000,"currency":"CNY","descriptionDigest":"1111111111111111111111111111111111111111111111111111111111111111","desiredOutcomeDigest":"2222222222222222222222222222222222222222222222222222222222222222"}""", "2543fa57e5624ccb2791a47d215f9a27531797090d50cc8affc08a0af4698e11"),
        [TimelineEventTypes.Acknowledged] =
            ("""{"finalDueAt":"2026-12-16T23:59:59.000000Z"}""", "0f7f34887728ddde90483f9b5ceb4a04813446202e45cb18832a2076b6211aff"),
        [TimelineEventTypes.Triaged] =
            ("""{"fromCategory":"Other","fromPriority":"Normal","category":"Fees","priority":"High"}""", "8537a5f6124bfa664c9c4fa83b13fff72e38ec51d20f9e4e2bea8ecc05e527dd"),
        [TimelineEventTypes.Assigned] =
            ("""{"assignee":"0192f0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f","previous":null,"automatic":true}""", "e6b09fd684b438d0dd688fa5afa5639b59b24da874d510d0aa7c710e19905308"),
        [TimelineEventTypes.InvestigationStarted] =
            ("""{}""", "57f587c2a14457d5cd8c2d97e494529b880113f370101040c7277ca267a5e667"),
        [TimelineEventTypes.InformationRequested] =
            ("""{"message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"InformationRequest","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[]}}""", "a085882edcc49da12e9e604a868ec46bba85ce9522b4e2c04214620a1fc0c093"),
        [TimelineEventTypes.InformationProvided] =
            ("""{"message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Message","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[{"id":"0192f0c4-eeee-7fff-8000-111111111111","digest":"2222222222222222222222222222222222222222222222222222222222222222"}]}}""", "050b00d06e2f9c4ca2515b0440bb342658fc0ba52beccef89b48821cde0eb0ac"),
        [TimelineEventTypes.MessageSent] =
            ("""{"message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Message","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[{"id":"0192f0c4-eeee-7fff-8000-111111111111","digest":"2222222222222222222222222222222222222222222222222222222222222222"}]}}""", "aa885b3796589846c0800a93036f7471946a716bfd4297c7fcd636925d4f60c0"),
        [TimelineEventTypes.NoteAdded] =
            ("""{"message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Note","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[]}}""", "20fffe381873f2ab4e764ef14727457f391d25e574a821fbec5f919bcfa05af6"),
        [TimelineEventTypes.Resolved] =
            ("""{"outcome":"Upheld","closureCode":"ClosedWithMonetaryRelief","remedies":[{"id":"0192f0c4-eeee-7fff-8000-111111111111","kind":"Refund","status":"Executed","ledgerReference":"TX2611250000000002"}],"rule":"failed_but_debited","message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Resolution","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[]}}""", "c6331dc876e43e2059c565b9d80472ebb616fee157bfea5cbcd66cd8b4f2a0df"),
        [TimelineEventTypes.Accepted] =
            ("""{}""", "0f6c87f189428d34c51940c9a2e512cf2181751de41030aab2b6406bd779d96c"),
        [TimelineEventTypes.Appealed] =
            ("""{"message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Appeal","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[]}}""", "b89d74474c291a08393cffe891a6f83794a5a35c09f7487ec2e98b4b8aa1db8d"),
        [TimelineEventTypes.ReviewStarted] =
            ("""{"reviewer":"0192f0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f"}""", "9bdb225fa3d50b97f3d9f980ed0cbd924701527460ce317718e4d4c4a2b528b1"),
        [TimelineEventTypes.AppealDecided] =
            ("""{"outcome":"PartlyUpheld","closureCode":"ClosedWithExplanation","message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"AppealDecision","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[]}}""", "6f07e92fcbaa831d0014ca1ee87ea95cbe75ddb64f7fa42ea407deea3414375f"),
        [TimelineEventTypes.Withdrawn] =
            ("""{"from":"Investigating"}""", "8ca53fc10dcba5f17b437899d06f036434e132e220aaf329519d4937eb2bc012"),
        [TimelineEventTypes.EscalatedExternally] =
            ("""{"from":"Resolved","message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Note","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[]}}""", "22716532058d45237be12a83433d0012dd5490f9e723b6794c12459a6321227a"),
        [TimelineEventTypes.MergedInto] =
            ("""{"survivor":"K7M2Q9XR5"}""", "88da23c3269ddbddf48bb37dd67a016a277b01c29ef661f878c5b41be58944ab"),
        [TimelineEventTypes.DuplicateMergedIn] =
            ("""{"duplicate":"K7M2Q9XR3"}""", "aa408701fd93ec979e2bdb38d283da86afcc1d81669139e3ad1a40bb989f1540"),
        [TimelineEventTypes.Nudged] =
            ("""{"from":"Normal","priority":"High","assignee":"0192f0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f"}""", "dd730880de9ff11f80972082b43f59c2d37cf7d280b805be54e4549b95782ddc"),
        [TimelineEventTypes.HoldingReplySent] =
            ("""{"previousFinalDueAt":"2026-12-16T23:59:59.000000Z","finalDueAt":"2027-01-05T23:59:59.000000Z","message":{"id":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"HoldingReply","bodyDigest":"1111111111111111111111111111111111111111111111111111111111111111","attachments":[]}}""", "f411437c8780325d2b79f9ec002ee1688d4c55617a7ea4e93325afc8950a9dd5"),
        [TimelineEventTypes.FinalResponseIssued] =
            ("""{"pdf":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","pdfDigest":"1111111111111111111111111111111111111111111111111111111111111111","text":"0192f0c4-eeee-7fff-8000-111111111111","textDigest":"2222222222222222222222222222222222222222222222222222222222222222","culture":"zh-CN"}""", "515f6728b364b90a2059dea64426744a53c04f9f12eab407242542d6afb863ed"),
        [TimelineEventTypes.Investigated] =
            ("""{"findings":["transaction_found","failed_but_debited"],"match":"TX2611250000000001","amountMatches":true,"timeMatches":null,"refundedMinorUnits":0,"fees":[],"likelyDuplicates":["TX2611250000000003"]}""", "6d1abed66c9b6645c73c5ea2fedfbce5d104c8906a7999b85a232424b7bbadde"),
        [TimelineEventTypes.RemedyProposed] =
            ("""{"remedy":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Refund","amountMinorUnits":50000,"currency":"CNY","points":null,"transactionReference":"TX2611250000000001","ledgerReference":null,"idempotencyKey":"remedy:K7M2Q9XR4:1","status":"Proposed","failureCode":null,"resumed":false}""", "5f5885efb57f37c148e0b296bc070030e2db6ce5fe64673ffc15a27ff548771c"),
        [TimelineEventTypes.RemedyApproved] =
            ("""{"remedy":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Compensation","amountMinorUnits":2000,"currency":"GBP","points":null,"transactionReference":null,"ledgerReference":null,"idempotencyKey":"remedy:K7M2Q9XR4:2","status":"Approved","failureCode":null,"resumed":false}""", "ea65881cafa68f2dabd9a66722fea201d313841ceafbe36fd3b21347d5e1504d"),
        [TimelineEventTypes.RemedyRequested] =
            ("""{"remedy":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Points","amountMinorUnits":null,"currency":null,"points":500,"transactionReference":null,"ledgerReference":null,"idempotencyKey":null,"status":"Executing","failureCode":null,"resumed":false}""", "bcef5ad54df9029ad012760ba035a294a05ed3ae49c854bc87b4ad65ee8195f3"),
        [TimelineEventTypes.RemedyExecuted] =
            ("""{"remedy":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"Refund","amountMinorUnits":50000,"currency":"CNY","points":null,"transactionReference":"TX2611250000000001","ledgerReference":"TX2611250000000009","idempotencyKey":"remedy:K7M2Q9XR4:1","status":"Executed","failureCode":null,"resumed":true}""", "ee885b479272884899ba93d20c124b35ab9dd14a5198e15427725d84814800a3"),
        [TimelineEventTypes.RemedyFailed] =
            ("""{"remedy":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","kind":"FeeReversal","amountMinorUnits":300,"currency":"EUR","points":null,"transactionReference":"TX2611250000000004","ledgerReference":null,"idempotencyKey":"remedy:K7M2Q9XR4:3","status":"Failed","failureCode":"account_frozen","resumed":false}""", "4f98d36793bbf260e9cfc58ac9de10b4bc9b836b52a43a6dc14dbedca3adf65a"),
        [TimelineEventTypes.WalletFrozen] =
            ("""{"account":"0192f0c4-eeee-7fff-8000-111111111111","result":"Frozen"}""", "586c98f493bc0f1ea70a36b487d526c9dda1295ad281573a9ac0318c31a7f8cc"),
        [TimelineEventTypes.WalletUnfrozen] =
            ("""{"account":"0192f0c4-eeee-7fff-8000-111111111111","result":"Active"}""", "c0754adee432718679ee832112fb545cee32632a2360ac966e86b3725752d9fc"),
        [TimelineEventTypes.SlaWarning] =
            ("""{"fraction":0.5,"finalDueAt":"2026-12-16T23:59:59.000000Z","owner":"0192f0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f"}""", "f085fc4f04fc7e56acc34ab026f71ce642afa55e3fbdc2bd844f363aae7d29e3"),
        [TimelineEventTypes.SlaHoldingReplyDue] =
            ("""{"holdingReplyBy":"2026-12-06T23:59:59.000000Z","extendedFinalBy":"2027-01-05T23:59:59.000000Z","owner":null}""", "5b84b12d47709241610f5f973dd892f97fd76c32f74928d6568a4fba8c2f6666"),
        [TimelineEventTypes.SlaBreached] =
            ("""{"finalDueAt":"2026-12-16T23:59:59.000000Z","owner":null,"escalateTo":"supervisor"}""", "87d63758d06567fdcdf6c666c2ec6c02e53acf68366cd5afc4ff0f6b65b3e667"),
        [TimelineEventTypes.DeliveryReported] =
            ("""{"event":4711,"channel":"email","outcome":"Retrying"}""", "fc35ac53c24518b3af8839a6edad78b80b4447d57930b201ab963f3f703f585e"),
        [TimelineEventTypes.AutoResolutionChecked] =
            ("""{"applied":false,"rule":"failed_but_debited","reason":"above_cap","findings":["transaction_found"],"capMinorUnits":10000,"failureCode":null,"ledgerReference":null}""", "208617b70d670bda371e9b7cfb22fc2967132002d4fd794014235ca982974913"),
        [TimelineEventTypes.AutoResolutionApplied] =
            ("""{"rule":"failed_but_debited","transaction":"TX2611250000000001","type":"Transfer","status":"Failed","amountMinorUnits":50000,"currency":"CNY","createdAt":"2026-11-22T09:30:15.123456Z","counterparty":"Li Lei","refundedMinorUnits":0,"remedyMinorUnits":50000,"relatedTransaction":null,"promisedBy":null,"ledgerReference":"TX2611250000000009"}""", "1cee447d32096996e93051e6574703c3aab8e74c09e81c5422441f7dfacb7052"),
        [TimelineEventTypes.AutoResolutionConfirmed] =
            ("""{"rule":"failed_but_debited"}""", "98d69badc03d750543d233b733bf03f6029805cd2e96a4807e07454529882ab3"),
        [TimelineEventTypes.AutoResolutionReversed] =
            ("""{"rule":"failed_but_debited","remedy":"0192f0c4-aaaa-7bbb-8ccc-dddddddddddd","ledgerReference":"TX2611250000000009","reversalReference":"TX2611250000000010","amountMinorUnits":50000,"currency":"CNY"}""", "487d9f1f3b53b49fd0745ec756dd4e0bff368a73b34c607157f609f9318cdd84"),
        [TimelineEventTypes.PersonalDataErased] =
            ("""{"items":["message:0192f0c4aaaa7bbb8cccdddddddddddd"],"basis":"erasure_request"}""", "7fac3d0fd5dea46fc9b6bcbad9f2da144addaa66e7d565c404f52da3340f8db9"),
    };

    public static TheoryData<string> Types => [.. s_examples.Select(e => TimelineJson.Describe(e).Type)];

    [Theory]
    [MemberData(nameof(Types))]
    public void The_canonical_payload_and_hash_of_each_entry_type_are_pinned(string type)
    {
        var example = s_examples.Single(e => TimelineJson.Describe(e).Type == type);
        var entry = Entry(example);

        Assert.True(s_golden.TryGetValue(type, out var golden), $"no golden values for {type}");
        Assert.Equal(golden.Payload, entry.Payload);
        Assert.Equal(Encoding.UTF8.GetBytes(golden.Payload), TimelineJson.Canonical(example));
        Assert.Equal(golden.Hash, entry.Hash);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_payload_reads_back_to_an_equal_record_and_the_same_bytes(string type)
    {
        var example = s_examples.Single(e => TimelineJson.Describe(e).Type == type);
        var entry = Entry(example);

        var read = entry.Read();

        Assert.IsType(example.GetType(), read);
        Assert.Equal(entry.Payload, Encoding.UTF8.GetString(TimelineJson.Canonical(read)));
    }

    [Fact]
    public void Every_entry_type_has_a_record_and_a_golden_example()
    {
        var types = typeof(TimelineEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var records = typeof(TimelinePayload).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TimelinePayload)) && !t.IsAbstract)
            .ToList();

        Assert.All(records, r => Assert.True(r.IsSealed, $"{r.Name} must be sealed"));
        Assert.Equal(types, TimelineJson.Records.Values.Select(a => a.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(records.Count, TimelineJson.Records.Count);
        Assert.Equal(records.Select(r => r.Name).Order(StringComparer.Ordinal), s_examples.Select(e => e.GetType().Name).Order(StringComparer.Ordinal));
        Assert.Equal(types, s_golden.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_schema_version_an_extra_or_missing_property_or_a_null_where_none_belongs_is_refused_not_guessed()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => TimelineJson.Read(TimelineEventTypes.MergedInto, 1, "{}"));
        Assert.Throws<System.Text.Json.JsonException>(() => TimelineJson.Read(TimelineEventTypes.MergedInto, 1, """{"survivor":null}"""));
        Assert.Throws<System.Text.Json.JsonException>(() => TimelineJson.Read(TimelineEventTypes.MergedInto, 2, """{"survivor":"K7M2Q9XR5"}"""));
        Assert.Throws<System.Text.Json.JsonException>(() => TimelineJson.Read(TimelineEventTypes.MergedInto, 1, """{"survivor":"K7M2Q9XR5","body":"x"}"""));
    }

    [Fact]
    public void The_hash_is_sha256_over_the_documented_fields_in_their_documented_forms()
    {
        var entry = TimelineEvent.Create(Number, 7, new MergedInto("K7M2Q9XR5"), s_at, s_actor, "Agent", Previous, Visibility.Internal);
        var input = string.Join(
            '\u001f',
            Number,
            "7",
            "complaint.merged-into",
            "1",
            "2026-11-25T09:30:15.123456Z",
            "0192f0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
            "Agent",
            "Internal",
            """{"survivor":"K7M2Q9XR5"}""",
            Previous);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(input))), entry.Hash);
    }

    private static TimelineEvent Entry(TimelinePayload example) =>
        TimelineEvent.Create(Number, 7, example, s_at, s_actor, "Agent", Previous, Visibility.Customer);
}
