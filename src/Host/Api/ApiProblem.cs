using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>
/// An RFC 9457 Problem Details response that also carries Heroku's error members: <c>id</c>, a stable code for
/// clients, and <c>message</c>, a sentence for people.
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    public static IResult Create(int status, string id, string message) =>
        Results.Json(
            new ProblemBody("about:blank", Title(status), status, message, id, message),
            ApiJson.Options,
            ContentType,
            status);

    public static IResult NotFound(string resource, string identity) =>
        Create(StatusCodes.Status404NotFound, "not_found", $"Couldn't find that {resource}: {identity}.");

    public static IResult Forbidden(string message) => Create(StatusCodes.Status403Forbidden, "forbidden", message);

    public static IResult BadRequest(string id, string message) => Create(StatusCodes.Status400BadRequest, id, message);

    public static IResult Invalid(string id, string message) =>
        Create(StatusCodes.Status422UnprocessableEntity, id, message);

    public static IResult Conflict(string message) => Create(StatusCodes.Status409Conflict, "conflict", message);

    /// <summary>
    /// Shapes the body of an unexpected failure (500) like every other problem, without the exception's details.
    /// </summary>
    public static void ConfigureUnexpected(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? StatusCodes.Status500InternalServerError;
            context.ProblemDetails.Extensions["id"] = status == 500 ? "internal_error" : "error";
            context.ProblemDetails.Extensions["message"] = context.ProblemDetails.Detail ?? context.ProblemDetails.Title;
        };

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        406 => "Not Acceptable",
        409 => "Conflict",
        412 => "Precondition Failed",
        422 => "Unprocessable Entity",
        _ => "Error",
    };

    /// <summary>The body's members, in the order RFC 9457 lists them, then Heroku's.</summary>
    public sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Id, string Message);
}
