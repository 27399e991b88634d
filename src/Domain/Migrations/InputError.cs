namespace EnterpriseLedger.Domain.Migrations;

/// <summary>Why a company's input is invalid, with the JSON path of the offending value within the company.</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
