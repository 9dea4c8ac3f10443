using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Redress.SharedKernel.Http;

/// <summary>The one place where typed errors become RFC 9457 problem details.</summary>
public static class ErrorResults
{
    public static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The endpoint's answer: the value as 200, or the error as problem details.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    public static async Task<Results<Ok<T>, ProblemHttpResult>> ToHttpAsync<T>(this Task<Result<T>> pending) => (await pending).ToHttp();

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = StatusCodeOf(error.Kind);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.Code };
        if (error.Fields is not null)
        {
            extensions["errors"] = error.Fields;
        }

        return TypedResults.Problem(
            detail: error.Message,
            statusCode: status,
            title: TitleOf(error.Kind),
            type: $"https://redress.dev/problems/{error.Code.Replace('_', '-')}",
            extensions: extensions);
    }

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is invalid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        ErrorKind.Forbidden => "Not allowed.",
        ErrorKind.Unavailable => "Not available on this server.",
        _ => "Error.",
    };
}
