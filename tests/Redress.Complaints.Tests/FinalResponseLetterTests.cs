using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Redress.Complaints.Features;
using Redress.Complaints.Letters;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

public sealed partial class FinalResponseLetterTests(SqliteComplaintsDatabase database) : IClassFixture<SqliteComplaintsDatabase>
{
    private static readonly DateTimeOffset s_filed = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_issued = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GB", "en", "NotUpheld", "Financial Ombudsman Service|free of charge|within six months of the date of this letter|www.financial-ombudsman.org.uk")]
    [InlineData("GB", "zh-CN", "NotUpheld", "金融申诉专员|免费|六个月|www.financial-ombudsman.org.uk")]
    [InlineData("EU", "en", "Upheld", "alternative dispute resolution body: Your national ADR body for payment services|FIN-NET|every point you raised")]
    [InlineData("EU", "zh-CN", "Upheld", "替代性争议解决机构|FIN-NET|逐一考虑")]
    [InlineData("US", "en", "NotUpheld", "written explanation|copies of the documents we relied on|three business days")]
    [InlineData("US", "zh-CN", "NotUpheld", "书面说明|文件副本|三个工作日")]
    [InlineData("CN", "en", "PartlyUpheld", "People's Bank of China|12363|uphold your complaint in part")]
    [InlineData("CN", "zh-CN", "PartlyUpheld", "中国人民银行金融消费权益保护咨询投诉电话 12363|部分支持")]
    public void Each_jurisdiction_gets_the_paragraphs_its_rules_require_in_the_customers_language(string jurisdiction, string culture, string outcome, string expected)
    {
        var letter = Compose(jurisdiction, ComplaintChannel.InApp, culture, Enum.Parse<ComplaintOutcome>(outcome));

        var text = string.Join('\n', letter.Paragraphs);
        foreach (var phrase in expected.Split('|'))
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reg_E_explanation_and_documents_right_are_only_for_a_finding_of_no_error()
    {
        var upheld = string.Join('\n', Compose("US", ComplaintChannel.InApp, "en", ComplaintOutcome.Upheld).Paragraphs);

        Assert.Contains("three business days", upheld, StringComparison.Ordinal);
        Assert.DoesNotContain("written explanation", upheld, StringComparison.Ordinal);
        Assert.DoesNotContain("documents we relied on", upheld, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CFPB_referred_complaint_states_its_closure_code()
    {
        var letter = Compose("US", ComplaintChannel.Regulator, "en", ComplaintOutcome.NotUpheld);

        Assert.Contains("We have closed your complaint with an explanation.", letter.Paragraphs);
    }

    [Fact]
    public void The_letter_carries_number_dates_addressee_decision_reasons_and_remedies()
    {
        Assert.True(Currency.TryFind("CNY", out var yuan));
        var remedies = new[] { new LetterRemedy("Refund", new Money(12050, yuan.Value), null), new LetterRemedy("ServiceAdjustment", null, "我们已为您的钱包解除限制") };

        var letter = Compose("CN", ComplaintChannel.InApp, "zh-CN", ComplaintOutcome.Upheld, remedies);

        Assert.Equal("关于您投诉的最终答复", letter.Title);
        Assert.Equal("投诉编号：ABCD-EFGH-J", letter.ReferenceLine);
        Assert.Equal("日期：2026年11月20日", letter.DateLine);
        Assert.Equal("尊敬的王小明：", letter.Addressee);
        Assert.Contains("感谢您于2026年11月2日提出的投诉。", letter.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("处理结论：我们支持您的投诉。", letter.Paragraphs[1]);
        Assert.Equal("理由如下：转账失败后资金未退回。", letter.Paragraphs[2]);
        Assert.Equal("为此，我们将为您提供：\n• 退款，CNY 120.50\n• 服务调整，我们已为您的钱包解除限制", letter.Paragraphs[3]);
    }

    [Fact]
    public void Every_shipped_policy_has_texts_for_all_its_requirements_in_both_languages()
    {
        foreach (var rule in ShippedSettings.Deadlines().Rules)
        {
            foreach (var culture in new[] { "en", "zh-CN" })
            {
                var letter = Compose(rule.Jurisdiction, rule.Channel ?? ComplaintChannel.InApp, culture, ComplaintOutcome.NotUpheld);
                Assert.All(letter.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p)));
            }
        }
    }

    [Fact]
    public void Chinese_letter_renders_to_a_valid_pdf_whose_embedded_font_has_the_glyphs_used()
    {
        var letter = Compose("CN", ComplaintChannel.InApp, "zh-CN", ComplaintOutcome.NotUpheld);

        var pdf = LetterPdf.Render(letter);

        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8));
        using var reopened = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(reopened.PageCount >= 1);
        var glyphs = GlyphsByCharacter(reopened);
        foreach (var character in "投诉最终答复中国人民银行".EnumerateRunes())
        {
            // Glyph 0 is .notdef: a character the font lacks would print as an empty box.
            Assert.True(glyphs.TryGetValue(character.Value, out var glyph) && glyph != 0, $"no glyph for {character}");
        }
    }

    [Fact]
    public void An_English_letter_with_remedies_and_a_word_longer_than_a_line_renders_on_A4()
    {
        Assert.True(Currency.TryFind("GBP", out var pound));
        var remedies = new[] { new LetterRemedy("Compensation", new Money(5000, pound.Value), "for the distress and inconvenience caused") };
        var letter = Compose("GB", ComplaintChannel.InApp, "en", ComplaintOutcome.PartlyUpheld, remedies);
        letter = letter with { Paragraphs = [.. letter.Paragraphs, "Reference: " + new string('X', 300)] };

        var pdf = LetterPdf.Render(letter);

        using var reopened = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(595, reopened.Pages[0].Width.Point, 0);
        Assert.Equal(842, reopened.Pages[0].Height.Point, 0);
    }

    [Fact]
    public void Long_text_wraps_by_character_in_Chinese_and_by_word_in_English() =>
        Assert.Equal(["转", "账", " ", "failed", " ", "twice"], LetterPdf.BreakOpportunities("转账 failed twice"));

    [Fact]
    public async Task Resolving_issues_the_letter_stores_the_pdf_with_its_hash_and_chains_the_timeline_entry()
    {
        var customer = Actors.Customer("GB");
        var agent = Actors.Staff(RedressRoles.Agent);
        var number = await FileAndInvestigateAsync(customer, agent);
        await using var db = database.NewContext();

        var resolved = await database.NewLifecycle(db).ResolveAsync(
            agent, number, new DecisionRequest("NotUpheld", "ClosedWithExplanation", "The transfer reached the payee on 1 November."), _ct);

        Assert.True(resolved.IsSuccess);
        Assert.Contains(resolved.Value.Timeline, e => e.Type == TimelineEventTypes.FinalResponseIssued);
        await using var reader = database.NewContext();
        var stored = await reader.Complaints.Include(c => c.Timeline).SingleAsync(c => c.CustomerId == customer.UserId, _ct);
        var chain = stored.Timeline.OrderBy(e => e.Sequence).ToList();
        Assert.Null(TimelineVerifier.FirstBreak(stored.Number, chain));
        Assert.Equal([TimelineEventTypes.Resolved, TimelineEventTypes.FinalResponseIssued], chain.TakeLast(2).Select(e => e.Type));
        Assert.Equal(Visibility.Customer, chain[^1].Visibility);

        var letters = database.NewFinalResponses(database.NewCaseWork(reader));
        var download = await letters.DownloadAsync(customer, number, _ct);
        await using var content = download.Value.Content;
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, _ct);
        var issued = Assert.IsType<FinalResponseIssued>(chain[^1].Read());
        var salt = await reader.PersonalDataSalts.SingleAsync(s => s.ComplaintId == stored.Id && s.Item == PersonalDataItems.LetterDocument(issued.Pdf!.Value), _ct);
        Assert.Equal(issued.PdfDigest, salt.DigestOf(bytes.ToArray()));
        Assert.Equal("application/pdf", download.Value.ContentType);

        var view = await letters.ReadAsync(customer, number, _ct);
        Assert.Contains(view.Value.Letter.Paragraphs, p => p.Contains("Financial Ombudsman Service", StringComparison.Ordinal));
        Assert.Equal("尊敬的王小明：", view.Value.Letter.Addressee);
    }

    [Fact]
    public async Task Another_customer_cannot_read_the_letter_and_staff_can_issue_it_again_only_after_a_decision()
    {
        var customer = Actors.Customer();
        var agent = Actors.Staff(RedressRoles.Agent);
        var number = await FileAndInvestigateAsync(customer, agent);
        await using var db = database.NewContext();
        var letters = database.NewFinalResponses(database.NewCaseWork(db));

        var early = await letters.IssueAsync(agent, number, _ct);
        Assert.Equal(("final_response_needs_decision", ErrorKind.Conflict), (early.Error!.Code, early.Error.Kind));
        Assert.Equal(ErrorKind.NotFound, (await letters.ReadAsync(customer, number, _ct)).Error!.Kind);

        Assert.True((await database.NewLifecycle(db).ResolveAsync(agent, number, new DecisionRequest("Upheld", "ClosedWithMonetaryRelief", "退款已处理。"), _ct)).IsSuccess);
        Assert.True((await letters.IssueAsync(agent, number, _ct)).IsSuccess);

        Assert.Equal(ErrorKind.NotFound, (await letters.DownloadAsync(Actors.Customer(), number, _ct)).Error!.Kind);
        Assert.True((await letters.DownloadAsync(Actors.Staff(RedressRoles.Supervisor), number, _ct)).IsSuccess);
        Assert.Equal("尊敬的王小明：", (await letters.ReadAsync(customer, number, _ct)).Value.Letter.Addressee);
    }

    private static FinalResponseLetter Compose(
        string jurisdiction, ComplaintChannel channel, string culture, ComplaintOutcome outcome, IReadOnlyList<LetterRemedy>? remedies = null)
    {
        var policy = ShippedSettings.Deadlines().Select(jurisdiction, channel)!.Value.Policy;
        var facts = new LetterFacts(
            "ABCD-EFGH-J",
            "王小明",
            culture,
            TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone),
            s_filed,
            s_issued,
            outcome,
            outcome == ComplaintOutcome.Upheld ? ClosureCode.ClosedWithMonetaryRelief : ClosureCode.ClosedWithExplanation,
            culture == "en" ? "The transfer reached the payee." : "转账失败后资金未退回。",
            remedies ?? []);
        return FinalResponseComposer.Compose(facts, policy.LetterRequirements, ShippedSettings.Routes()[jurisdiction]);
    }

    /// <summary>Character → glyph id, read from the ToUnicode ranges (bfrange) PDFsharp writes for the embedded font subset.</summary>
    private static Dictionary<int, int> GlyphsByCharacter(PdfDocument document)
    {
        var map = new Dictionary<int, int>();
        foreach (var item in document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(d => d.Stream is not null))
        {
            var text = Encoding.ASCII.GetString(item.Stream.UnfilteredValue);
            if (!text.Contains("begincmap", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match range in CMapRange().Matches(text))
            {
                var (first, last, character) = (Convert.ToInt32(range.Groups[1].Value, 16), Convert.ToInt32(range.Groups[2].Value, 16), Convert.ToInt32(range.Groups[3].Value, 16));
                for (var glyph = first; glyph <= last; glyph++)
                {
                    map[character + glyph - first] = glyph;
                }
            }
        }

        return map;
    }

    [GeneratedRegex("<([0-9A-Fa-f]{4})><([0-9A-Fa-f]{4})><([0-9A-Fa-f]{4})>")]
    private static partial Regex CMapRange();

    private async Task<string> FileAndInvestigateAsync(Actor customer, Actor agent)
    {
        await using var db = database.NewContext();
        var request = new FileComplaintRequest("TransactionFailure", "Money left my wallet but the transfer failed.", database.Time.GetUtcNow().AddDays(-1), "TX42", 120.50m, "CNY", "Refund it");
        var number = (await database.NewFileHandler(db).HandleAsync(customer, request, ComplaintChannel.InApp, _ct)).Value.Number;
        var lifecycle = database.NewLifecycle(db);
        Assert.True((await lifecycle.TriageAsync(agent, number, new TriageRequest("TransactionFailure", "Normal"), _ct)).IsSuccess);
        Assert.True((await lifecycle.StartInvestigationAsync(agent, number, _ct)).IsSuccess);
        return number;
    }
}
