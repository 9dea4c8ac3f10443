using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Features;
using Redress.SharedKernel;

namespace Redress.Complaints.Tests;

public sealed class FileComplaintHandlerTests(SqliteComplaintsDatabase database) : IClassFixture<SqliteComplaintsDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_complaint_is_stored_with_its_number_and_first_timeline_entry()
    {
        var customer = Actors.Customer();
        await using (var db = database.NewContext())
        {
            var result = await database.NewFileHandler(db).HandleAsync(customer, Valid(), ComplaintChannel.InApp, _ct);
            Assert.True(result.IsSuccess);
            Assert.True(ComplaintNumber.TryParse(result.Value.Number, out _));
        }

        await using var reader = database.NewContext();
        var stored = await reader.Complaints.Include(c => c.Timeline).SingleAsync(c => c.CustomerId == customer.UserId, _ct);
        Assert.Equal(ComplaintCategory.TransactionFailure, stored.Category);
        Assert.Equal(ComplaintChannel.InApp, stored.Channel);
        Assert.Equal(12050, stored.AmountMinorUnits);
        Assert.Equal("CNY", stored.Currency);
        Assert.Equal(database.Time.GetUtcNow(), stored.FiledAt);
        var entry = Assert.Single(stored.Timeline);
        Assert.Equal(entry.ComputeHash(stored.Number), entry.Hash);
    }

    [Fact]
    public async Task Text_with_markup_is_stored_exactly_as_typed()
    {
        const string description = "<script>alert('x')</script> 转账失败 & \"quoted\"";
        var customer = Actors.Customer();
        await using var db = database.NewContext();
        var result = await database.NewFileHandler(db).HandleAsync(customer, Valid() with { Description = description }, ComplaintChannel.Web, _ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(description, result.Value.Description);
        await using var reader = database.NewContext();
        Assert.Equal(description, await reader.Complaints.Where(c => c.CustomerId == customer.UserId).Select(c => c.Description).SingleAsync(_ct));
    }

    [Fact]
    public async Task An_invalid_complaint_names_every_bad_field_and_stores_nothing()
    {
        var customer = Actors.Customer();
        var request = new FileComplaintRequest("Refunds", "short", database.Time.GetUtcNow().AddDays(1), "TX 1;", -5m, "XXX", " ");
        await using var db = database.NewContext();

        var result = await database.NewFileHandler(db).HandleAsync(customer, request, ComplaintChannel.Web, _ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal(
            ["amount", "category", "currency", "description", "desiredOutcome", "occurredAt", "transactionReference"],
            result.Error.Fields!.Keys.Order(StringComparer.Ordinal));
        await using var reader = database.NewContext();
        Assert.False(await reader.Complaints.AnyAsync(c => c.CustomerId == customer.UserId, _ct));
    }

    [Theory]
    [InlineData(null, "CNY", "amount")]
    [InlineData("12.50", null, "currency")]
    [InlineData("12.505", "CNY", "amount")]
    [InlineData("100.5", "JPY", "amount")]
    [InlineData("0", "CNY", "amount")]
    public async Task Amount_and_currency_must_come_together_and_fit_the_currency(string? amount, string? currency, string field)
    {
        var request = Valid() with { Amount = amount is null ? null : decimal.Parse(amount, CultureInfo.InvariantCulture), Currency = currency };
        await using var db = database.NewContext();

        var result = await database.NewFileHandler(db).HandleAsync(Actors.Customer(), request, ComplaintChannel.Web, _ct);

        Assert.False(result.IsSuccess);
        Assert.Equal([field], result.Error.Fields!.Keys);
    }

    [Fact]
    public async Task The_time_of_the_event_may_not_lie_in_the_future_of_the_injected_clock()
    {
        await using var db = database.NewContext();
        var handler = database.NewFileHandler(db);
        var inAnHour = Valid() with { OccurredAt = database.Time.GetUtcNow().AddHours(1) };

        var refused = await handler.HandleAsync(Actors.Customer(), inAnHour, ComplaintChannel.Web, _ct);
        database.Time.Advance(TimeSpan.FromHours(2));
        var accepted = await handler.HandleAsync(Actors.Customer(), inAnHour, ComplaintChannel.Web, _ct);

        Assert.Equal(["occurredAt"], refused.Error!.Fields!.Keys);
        Assert.True(accepted.IsSuccess);
    }

    [Fact]
    public async Task Descriptions_longer_than_the_limit_are_refused()
    {
        await using var db = database.NewContext();
        var result = await database.NewFileHandler(db).HandleAsync(Actors.Customer(), Valid() with { Description = new string('字', 4001) }, ComplaintChannel.Web, _ct);
        Assert.Equal(["description"], result.Error!.Fields!.Keys);
    }

    [Fact]
    public async Task Category_names_are_read_without_regard_to_case_but_numbers_are_not_names()
    {
        await using var db = database.NewContext();
        var handler = database.NewFileHandler(db);
        Assert.True((await handler.HandleAsync(Actors.Customer(), Valid() with { Category = "accountsecurity" }, ComplaintChannel.Web, _ct)).IsSuccess);
        Assert.Equal(["category"], (await handler.HandleAsync(Actors.Customer(), Valid() with { Category = "2" }, ComplaintChannel.Web, _ct)).Error!.Fields!.Keys);
    }

    private FileComplaintRequest Valid() => new(
        "TransactionFailure",
        "我给朋友转账 120.50 元，显示失败，但余额已扣除。",
        database.Time.GetUtcNow().AddDays(-2),
        "TX-20261123-0001",
        120.50m,
        "cny",
        "退回 120.50 元");
}
