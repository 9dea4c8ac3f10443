namespace Redress.SharedKernel.Tests;

public sealed class KeysetCursorTests
{
    [Fact]
    public void A_cursor_round_trips_its_key()
    {
        var cursor = KeysetCursor.Encode(4242);
        Assert.True(KeysetCursor.TryDecode(cursor, out var key));
        Assert.Equal(4242, key);
    }

    [Fact]
    public void No_cursor_means_from_the_newest()
    {
        var parsed = KeysetCursor.Parse(null, null);
        Assert.True(parsed.IsSuccess);
        Assert.Equal((long.MaxValue, KeysetCursor.DefaultPageSize), parsed.Value);
    }

    [Theory]
    [InlineData("not-a-cursor", null, "cursor")]
    [InlineData("!!!", null, "cursor")]
    [InlineData(null, 0, "limit")]
    [InlineData(null, 101, "limit")]
    public void Bad_paging_input_names_the_field(string? cursor, int? limit, string field)
    {
        var parsed = KeysetCursor.Parse(cursor, limit);
        Assert.False(parsed.IsSuccess);
        Assert.Equal(ErrorKind.Validation, parsed.Error.Kind);
        Assert.True(parsed.Error.Fields!.ContainsKey(field));
    }

    [Fact]
    public void A_page_with_one_extra_row_issues_a_cursor_at_its_last_item()
    {
        var page = KeysetCursor.ToPage([9L, 8L, 7L], 2, key => key);
        Assert.Equal([9L, 8L], page.Items);
        Assert.True(KeysetCursor.TryDecode(page.NextCursor, out var next));
        Assert.Equal(8, next);
    }

    [Fact]
    public void The_last_page_has_no_cursor()
    {
        var page = KeysetCursor.ToPage([9L, 8L], 2, key => key);
        Assert.Null(page.NextCursor);
        Assert.Equal(2, page.Items.Count);
    }
}
