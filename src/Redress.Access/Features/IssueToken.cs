using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;

namespace Redress.Access.Features;

/// <summary>Credentials exchanged for a bearer token.</summary>
public sealed record TokenRequest([Required] string? Email, [Required] string? Password);

internal static class IssueToken
{
    public static void MapIssueToken(this RouteGroupBuilder group) =>
        group.MapPost("/token", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting("sign-in")
            .WithName("IssueToken")
            .WithSummary("Exchange e-mail and password for a bearer token")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(TokenRequest request, SignInManager<RedressUser> signInManager)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("email", "E-mail is required.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "Password is required.");
        }

        if (errors.Any)
        {
            return errors.ToError().ToProblem();
        }

        signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signInManager.PasswordSignInAsync(request.Email!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer handler has written the token response during sign-in.
            return TypedResults.Empty;
        }

        var detail = result.IsLockedOut
            ? "Too many failed attempts. The account is locked for a while; try again later."
            : "E-mail or password is wrong.";
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
    }
}
