namespace EnterpriseLedger.Domain.Accounts;

/// <summary>The stable codes of the rules an account enforces.</summary>
public static class AccountErrors
{
    public const string LastManager = "last_manager";
    public const string ViewRequired = "view_required";
    public const string AlreadyMember = "already_member";
    public const string NotMember = "not_member";
    public const string InvalidName = "invalid_name";
    public const string InvalidEmail = "invalid_email";
    public const string NameTaken = "name_taken";
    public const string TeamNotFound = "team_not_found";
    public const string TeamExists = "team_exists";
    public const string InvalidIdentityProvider = "invalid_identity_provider";
}
