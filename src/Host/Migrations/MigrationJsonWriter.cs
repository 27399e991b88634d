using System.Text.Json;
using EnterpriseLedger.Domain;
using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>
/// Writes migration results as one JSON array, one object per company, as they arrive, so that memory stays
/// flat for any batch size.
/// </summary>
public sealed class MigrationJsonWriter(Stream output) : IAsyncDisposable
{
    private readonly Utf8JsonWriter _writer = new(output, new JsonWriterOptions { Indented = true });
    private bool _started;

    public async Task WriteAsync(MigrationResult result, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _writer.WriteStartArray();
            _started = true;
        }

        WriteResult(result);
        if (_writer.BytesPending > 1 << 16)
        {
            await _writer.FlushAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started)
        {
            _writer.WriteStartArray();
        }

        _writer.WriteEndArray();
        await _writer.FlushAsync();
        await output.WriteAsync("\n"u8.ToArray());
        await _writer.DisposeAsync();
    }

    private void WriteResult(MigrationResult result)
    {
        _writer.WriteStartObject();
        WriteNullable("company_id", result.CompanyId?.ToString());
        WriteNullable("company", result.Company);
        _writer.WriteString("outcome", MigrationOutcomes.ToName(result.Outcome));
        WriteStrings("reasons", result.Reasons);
        WriteAccount(result);
        WriteMembers(result.Members);
        WriteStrings("banner", result.Banner.Select(recipient => recipient.Email));
        WriteNullable("error", result.Error);
        _writer.WriteEndObject();
    }

    private void WriteAccount(MigrationResult result)
    {
        if (result.AccountId is not { } id)
        {
            _writer.WriteNull("account");
            return;
        }

        _writer.WriteStartObject("account");
        _writer.WriteString("id", id);
        WriteNullable("name", result.AccountName);
        _writer.WriteEndObject();
    }

    private void WriteMembers(IReadOnlyList<MigratedMember> members)
    {
        _writer.WriteStartArray("members");
        foreach (var member in members)
        {
            _writer.WriteStartObject();
            _writer.WriteString("email", member.Email);
            WriteStrings("permissions", PermissionNames.ToNames(member.Permissions));
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
    }

    private void WriteStrings(string name, IEnumerable<string> values)
    {
        _writer.WriteStartArray(name);
        foreach (var value in values)
        {
            _writer.WriteStringValue(value);
        }

        _writer.WriteEndArray();
    }

    private void WriteNullable(string name, string? value)
    {
        if (value is null)
        {
            _writer.WriteNull(name);
        }
        else
        {
            _writer.WriteString(name, value);
        }
    }
}
