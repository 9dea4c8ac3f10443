using System.Net;
using System.Text.Json;

namespace Redress.Api.Tests;

internal static class ProblemAssertions
{
    /// <summary>Asserts a problem-details answer with the status and, when given, an error for each named field.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (fields.Length > 0)
        {
            var errors = problem.GetProperty("errors");
            var named = errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(fields.Order(StringComparer.Ordinal), named);
            Assert.All(errors.EnumerateObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value[0].GetString())));
        }

        return problem;
    }
}
