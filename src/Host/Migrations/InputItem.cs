using EnterpriseLedger.Domain.Migrations;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>
/// One company read from a migration file: its raw JSON as received, and either the parsed input or the reason it
/// could not be parsed. <see cref="Position"/> is the 1-based place of the company in its file.
/// </summary>
public sealed record InputItem(
    string File,
    int Position,
    string RawJson,
    Guid? CompanyId,
    string? CompanyName,
    CompanyInput? Input,
    InputError? Error);
