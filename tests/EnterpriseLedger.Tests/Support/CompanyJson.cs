using System.Text.Json.Nodes;

namespace EnterpriseLedger.Tests.Support;

/// <summary>Example companies as editable JSON, to derive edge cases from the checked examples.</summary>
public static class CompanyJson
{
    public static JsonObject Load(string exampleName) =>
        JsonNode.Parse(File.ReadAllText(Examples.InputPath(exampleName)))?.AsObject()
        ?? throw new InvalidDataException($"Example {exampleName} is not a JSON object.");

    public static JsonObject Team(JsonObject company, int index) =>
        company["teams"]?[index]?.AsObject() ?? throw new InvalidDataException($"No team {index}.");

    public static JsonObject Member(JsonObject company, int team, int member) =>
        Team(company, team)["members"]?[member]?.AsObject() ?? throw new InvalidDataException($"No member {member}.");

    public static string Compact(params JsonObject[] companies) =>
        string.Join('\n', companies.Select(company => company.ToJsonString())) + "\n";

    public static string Array(params JsonObject[] companies) => new JsonArray(companies.Select(c => (JsonNode)c.DeepClone()).ToArray()).ToJsonString();
}
