using System.Globalization;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Domain.Tokens;
using EnterpriseLedger.Host.Views;
using EnterpriseLedger.Projections.Migrations;
using EnterpriseLedger.Projections.Tokens;
using EnterpriseLedger.Projections.Users;
using JasperFx;
using Marten;
using Spectre.Console;

namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// <c>tokens create|revoke|list</c>: issues API tokens for users, operators and services, revokes them, and lists
/// them without their secrets. <c>create</c> prints the token alone on standard output, and nowhere else.
/// </summary>
public static class TokensCommand
{
    public const string CreateUsage =
        "tokens create --user EMAIL | --operator | --service NAME --scope events:read [--expires 30d]";

    public const string RevokeUsage = "tokens revoke TOKEN_ID";

    public const string ListUsage = "tokens list [--output table|json]";

    // The help text indents each command by two spaces.
    public static string Usage { get; } = string.Join("\n  ", CreateUsage, RevokeUsage, ListUsage);

    private const string UserExample = "./ledger tokens create --user ana@northwind.test";

    public static async Task<int> RunAsync(
        IDocumentStore store, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var action = args.Count > 0 ? args[0] : "";
        var rest = args.Skip(1).ToList();
        return action switch
        {
            "create" => await CreateAsync(store, rest, cancellationToken),
            "revoke" => await RevokeAsync(store, rest, cancellationToken),
            "list" => await ListAsync(store, rest, cancellationToken),
            "" => throw new CliException("Missing action create, revoke or list; for example: ./ledger tokens list."),
            _ => throw new CliException($"Unknown action '{action}' for 'tokens'; expected create, revoke or list."),
        };
    }

    private static async Task<int> CreateAsync(
        IDocumentStore store, List<string> args, CancellationToken cancellationToken)
    {
        // CommandArguments takes one value per option, so the flag and the repeatable option are taken out first.
        var isOperator = TakeFlag(args, "operator");
        var scopes = TakeRepeated(args, "scope");
        var arguments = CommandArguments.Parse("tokens create", args, "user", "service", "expires");
        RejectPositionals(arguments, "tokens create");
        var lifetime = ParseLifetime(arguments.Option("expires"));

        var actor = new Actor($"cli:{Environment.UserName}", null, TimeProvider.System.GetUtcNow());
        await using var session = store.LightweightSession();
        var expiresAt = actor.At + lifetime;
        var request = await RequestAsync(session, arguments, isOperator, scopes, expiresAt, cancellationToken);

        var token = TokenSecret.Generate();
        var tokenId = Guid.CreateVersion7(actor.At);
        var decision = TokenDecisions.Issue(tokenId, TokenSecret.Hash(token), request, actor);
        ThrowIfRejected(decision, ExitCodes.Usage);
        session.Events.StartStream(tokenId, decision.Events.ToArray());
        await session.SaveChangesAsync(cancellationToken);

        Console.Out.WriteLine(token);
        await Console.Error.WriteLineAsync(
            $"Created {TokenKinds.ToName(request.Kind)} token {tokenId} for {Holder(request)}, "
            + $"expiring at {Format(request.ExpiresAt)}. The token is shown only this once.");
        return ExitCodes.Success;
    }

    private static async Task<TokenRequest> RequestAsync(
        IQuerySession session,
        CommandArguments arguments,
        bool isOperator,
        List<string> scopes,
        DateTimeOffset expiresAt,
        CancellationToken cancellationToken)
    {
        var user = arguments.Option("user");
        var service = arguments.Option("service");
        if ((user is null ? 0 : 1) + (service is null ? 0 : 1) + (isOperator ? 1 : 0) != 1)
        {
            throw new CliException(
                $"Give exactly one of --user EMAIL, --operator or --service NAME; for example: {UserExample}.");
        }

        if (scopes.Count > 0 && service is null)
        {
            throw new CliException("Option --scope applies to service tokens only, created with --service NAME.");
        }

        if (service is not null)
        {
            return TokenRequest.ForService(service, scopes, expiresAt);
        }

        return isOperator
            ? TokenRequest.ForOperator(expiresAt)
            : await UserRequestAsync(session, arguments, expiresAt, cancellationToken);
    }

    private static async Task<TokenRequest> UserRequestAsync(
        IQuerySession session,
        CommandArguments arguments,
        DateTimeOffset expiresAt,
        CancellationToken cancellationToken)
    {
        var email = UserOption.Email(arguments, UserExample);
        if (await session.LoadAsync<UserDirectoryView>(email, cancellationToken) is { } user)
        {
            return TokenRequest.ForUser(user.UserId, email, expiresAt);
        }

        // A member of a blocked company is in no account, but must be able to read their banner over the API.
        return await BannerRecipientAsync(session, email, cancellationToken) is { } recipient
            ? TokenRequest.ForUser(recipient, email, expiresAt)
            : throw new CliException(
                $"No user with email {email}. Users are known once migrated: a member of an account, a user with "
                + "a role on a team, or a member of a blocked company. Migrate their company first with "
                + "./ledger migrate FILE.",
                ExitCodes.Failed);
    }

    /// <summary>
    /// Returns the user id of a banner recipient of a blocked company, from the company's last blocked outcome.
    /// </summary>
    private static async Task<Guid?> BannerRecipientAsync(
        IQuerySession session, string email, CancellationToken cancellationToken)
    {
        var blocked = await session.Query<MigrationStatusView>()
            .Where(view => view.Status == "blocked" && view.BannerEmails.Contains(email))
            .Select(view => view.Id)
            .ToListAsync(cancellationToken);
        foreach (var companyId in blocked)
        {
            var events = await session.Events.FetchStreamAsync(companyId, token: cancellationToken);
            var recipient = events.Select(@event => @event.Data).OfType<MigrationBlocked>().LastOrDefault()
                ?.BannerRecipients.FirstOrDefault(candidate => candidate.Email == email);
            if (recipient is not null)
            {
                return recipient.UserId;
            }
        }

        return null;
    }

    private static TimeSpan ParseLifetime(string? text)
    {
        var limit = $"at most {TokenLifetime.Max.Days}d";
        return text switch
        {
            null => TokenLifetime.Default,
            "never" => throw new CliException(
                $"Invalid --expires 'never': every token expires; use {TokenLifetime.Format}, {limit}."),
            _ => TokenLifetime.Parse(text)
                ?? throw new CliException($"Invalid --expires '{text}': expected {TokenLifetime.Format}, {limit}."),
        };
    }

    private static async Task<int> RevokeAsync(
        IDocumentStore store, List<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("tokens revoke", args);
        var tokenId = ParseTokenId(arguments.Positional(0, "TOKEN_ID", "./ledger tokens revoke TOKEN_ID"));
        var actor = new Actor($"cli:{Environment.UserName}", null, TimeProvider.System.GetUtcNow());

        await using var session = store.LightweightSession();
        var events = await session.Events.FetchStreamAsync(tokenId, token: cancellationToken);
        var token = Aggregates.Fold<ApiToken>(events.Select(@event => @event.Data), ApiToken.Evolve);
        var decision = TokenDecisions.Revoke(token, tokenId, actor);
        ThrowIfRejected(decision, ExitCodes.Failed);

        // The expected version is the stream's version after the append, so a racing revoke gets a conflict.
        session.Events.Append(tokenId, events.Count + decision.Events.Count, decision.Events.ToArray());
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new CliException(
                $"Token {tokenId} changed while it was being revoked; run the command again.", ExitCodes.Failed);
        }

        Console.Out.WriteLine($"Revoked token {tokenId}.");
        return ExitCodes.Success;
    }

    private static Guid ParseTokenId(string text)
    {
        if (Guid.TryParse(text, out var tokenId))
        {
            return tokenId;
        }

        // The message must not repeat a token given by mistake, because error output often ends up in logs.
        throw new CliException(TokenSecret.HasTokenShape(text)
            ? "TOKEN_ID is the token's id, not the token itself; ./ledger tokens list shows the ids."
            : $"Invalid TOKEN_ID '{text}': expected a token id such as those ./ledger tokens list shows.");
    }

    private static async Task<int> ListAsync(
        IDocumentStore store, List<string> args, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse("tokens list", args, "output");
        RejectPositionals(arguments, "tokens list");
        var output = arguments.OneOf("output", "table", "table", "json");

        await using var session = store.QuerySession();
        var views = await session.Query<TokenView>().OrderBy(view => view.CreatedAt).ToListAsync(cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        var rows = views.Select(view => TokenRow.From(view, now)).ToList();

        if (output == "json")
        {
            LedgerJson.Write(rows);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Id", "Kind", "Holder", "Scopes", "Status", "Expires at");
        foreach (var row in rows)
        {
            var holder = row.Email ?? row.ServiceName ?? "-";
            table.AddRow(row.Id.ToString(), row.Kind, Markup.Escape(holder), string.Join(", ", row.Scopes), row.Status,
                Format(row.ExpiresAt));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{rows.Count} tokens");
        return ExitCodes.Success;
    }

    private static bool TakeFlag(List<string> args, string name) => args.RemoveAll(arg => arg == "--" + name) > 0;

    private static List<string> TakeRepeated(List<string> args, string name)
    {
        var values = new List<string>();
        for (var index = args.IndexOf("--" + name); index >= 0; index = args.IndexOf("--" + name))
        {
            if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliException($"Option --{name} needs a value.");
            }

            values.Add(args[index + 1]);
            args.RemoveRange(index, 2);
        }

        var prefix = $"--{name}=";
        var inline = args.Where(arg => arg.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        values.AddRange(inline.Select(arg => arg[prefix.Length..]));
        args.RemoveAll(inline.Contains);
        return values;
    }

    private static void RejectPositionals(CommandArguments arguments, string command)
    {
        if (arguments.Positionals.Count > 0)
        {
            throw new CliException($"Unexpected argument '{arguments.Positionals[0]}' for '{command}'.");
        }
    }

    private static void ThrowIfRejected(Decision decision, int exitCode)
    {
        if (decision.Error is { } error)
        {
            throw new CliException($"{error.Message} ({error.Code})", exitCode);
        }
    }

    private static string Holder(TokenRequest request) => request.Kind switch
    {
        TokenKind.User => request.Email ?? "-",
        TokenKind.Service => $"service {request.ServiceName} with scopes {string.Join(", ", request.Scopes)}",
        _ => "operators",
    };

    private static string Format(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>A token as <c>tokens list</c> shows it: everything but the hash.</summary>
    private sealed record TokenRow(
        Guid Id,
        string Kind,
        Guid? UserId,
        string? Email,
        string? ServiceName,
        IReadOnlyList<string> Scopes,
        string Status,
        DateTimeOffset CreatedAt,
        string? CreatedBy,
        DateTimeOffset ExpiresAt,
        DateTimeOffset? RevokedAt)
    {
        public static TokenRow From(TokenView view, DateTimeOffset now) => new(
            view.Id, TokenKinds.ToName(view.Kind), view.UserId, view.Email, view.ServiceName, view.Scopes,
            StatusAt(view, now), view.CreatedAt, view.CreatedBy, view.ExpiresAt, view.RevokedAt);

        private static string StatusAt(TokenView view, DateTimeOffset now) => view switch
        {
            { RevokedAt: not null } => "revoked",
            _ when view.ExpiresAt <= now => "expired",
            _ => "active",
        };
    }
}
