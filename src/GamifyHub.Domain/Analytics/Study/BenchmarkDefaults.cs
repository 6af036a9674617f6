using System.Text.Json;

namespace GamifyHub.Domain.Analytics.Study;

/// <summary>
/// The benchmarks document shipped with the product (TCS 2013, embedded as tcs2013-benchmarks.json), in force until an
/// admin edits it, and the JSON form documents are stored and sent in.
/// </summary>
public static class BenchmarkDefaults
{
    public const string ResourceName = "GamifyHub.Domain.Analytics.Study.tcs2013-benchmarks.json";

    /// <summary>camelCase, as the API sends it.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<BenchmarkDocument> Shipped = new(Load);

    public static BenchmarkDocument Document => Shipped.Value;

    public static string Serialize(BenchmarkDocument document) => JsonSerializer.Serialize(document, Json);

    public static BenchmarkDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<BenchmarkDocument>(json, Json) ?? throw new JsonException("The benchmarks document is empty.");

    private static BenchmarkDocument Load()
    {
        using var stream = typeof(BenchmarkDefaults).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Deserialize(reader.ReadToEnd());
    }
}
