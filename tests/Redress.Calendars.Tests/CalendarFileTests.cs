namespace Redress.Calendars.Tests;

public sealed class CalendarFileTests
{
    [Fact]
    public void A_well_formed_file_is_read_in_date_order()
    {
        var parsed = CalendarFile.Parse("CN", 2028, new StringReader("date,kind,name\n2028-01-30,workday,调休\n2028-01-01,holiday,元旦\n"));
        Assert.True(parsed.IsSuccess);
        Assert.Equal([new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 30)], parsed.Value.Days.Select(d => d.Date));
    }

    [Theory]
    [InlineData("day,kind,name\n2028-01-01,holiday,x\n", "line 1")]
    [InlineData("date,kind,name\n2028-01-01,holiday,元旦\n2028-13-01,holiday,x\n", "line 3")]
    [InlineData("date,kind,name\n2027-12-31,holiday,x\n", "line 2")]
    [InlineData("date,kind,name\n2028-01-03,workday,Monday\n", "line 2")]
    [InlineData("date,kind,name\n2028-01-01,vacation,x\n", "line 2")]
    [InlineData("date,kind,name\n2028-01-01,holiday,a\n2028-01-01,holiday,b\n", "line 3")]
    [InlineData("date,kind,name\n2028-01-01,holiday\n", "line 2")]
    [InlineData("date,kind,name\n", "file")]
    public void A_faulty_file_is_refused_naming_the_line(string content, string where)
    {
        var parsed = CalendarFile.Parse("CN", 2028, new StringReader(content));
        Assert.False(parsed.IsSuccess);
        Assert.Contains(where, parsed.Error.Fields!.Keys);
    }

    [Theory]
    [InlineData("CN-2027.csv", true, "CN", 2027)]
    [InlineData("GB-2030.csv", true, "GB", 2030)]
    [InlineData("cn-2027.csv", false, "", 0)]
    [InlineData("CN_2027.csv", false, "", 0)]
    [InlineData("CN-27.csv", false, "", 0)]
    public void File_names_carry_the_jurisdiction_and_year(string name, bool valid, string jurisdiction, int year)
    {
        Assert.Equal(valid, CalendarFile.TryParseName(name, out var parsedJurisdiction, out var parsedYear));
        Assert.Equal(jurisdiction, parsedJurisdiction);
        Assert.Equal(year, parsedYear);
    }
}
