using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Accounts;
using EnterpriseLedger.Domain.Teams;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api;

/// <summary>Turns a rule that rejected a command into a Problem Details response with the rule's code as its id.</summary>
public static class DomainProblems
{
    public static IResult From(DomainError error) => error.Code switch
    {
        AccountErrors.NotMember or AccountErrors.TeamNotFound or TeamRoleDecisions.NoRole =>
            ApiProblem.Create(StatusCodes.Status404NotFound, "not_found", error.Message),
        AccountErrors.AlreadyMember or AccountErrors.TeamExists =>
            ApiProblem.Create(StatusCodes.Status409Conflict, error.Code, error.Message),
        _ => ApiProblem.Invalid(error.Code, error.Message),
    };
}
