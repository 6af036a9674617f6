using System.Text.Json;
using System.Text.Json.Serialization;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Data;

/// <summary>
/// The stored JSON form of a rule set. It carries its own format number and names no .NET types, so renaming
/// code never breaks stored rules.
/// </summary>
public static class RuleSetFormat
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(RuleSet rules) => JsonSerializer.Serialize(
        new Document(CurrentFormat, rules.Version, rules.FirstReplyBonus,
            [.. rules.Rules.Select(r => new RuleDocument(r.Id, r.Action, r.Category, r.Points, r.Reason))]),
        Options);

    public static RuleSet Read(string json)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, Options)
            ?? throw new InvalidDataException("Empty rule set document.");
        if (doc.Format != CurrentFormat)
        {
            throw new InvalidDataException($"Unsupported rule set format {doc.Format}.");
        }

        return new RuleSet(doc.Version, [.. doc.Rules.Select(r => new ScoringRule(r.Id, r.Action, r.Category, r.Points, r.Reason))],
            doc.FirstReplyBonus);
    }

    private sealed record Document(int Format, int Version, int FirstReplyBonus, List<RuleDocument> Rules);

    private sealed record RuleDocument(string Id, ActionType Action, PointCategory Category, int Points, string Reason);
}
