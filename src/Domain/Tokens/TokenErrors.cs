namespace EnterpriseLedger.Domain.Tokens;

/// <summary>The stable codes of the rules on API tokens.</summary>
public static class TokenErrors
{
    public const string InvalidHash = "invalid_token_hash";
    public const string InvalidHolder = "invalid_token_holder";
    public const string InvalidExpiry = "invalid_expiry";
    public const string ScopeRequired = "scope_required";
    public const string UnknownScope = "unknown_scope";
    public const string NotFound = "token_not_found";
    public const string AlreadyRevoked = "token_already_revoked";
}
