using System.Text.Json;

namespace GamifyHub.Server.Imports;

/// <summary>Collects row errors: keeps the first few in memory and streams every one to a JSON-lines file (if given).</summary>
public sealed class ImportErrorReport(Stream? output) : IAsyncDisposable
{
    public const int KeepFirst = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly StreamWriter? _writer = output is null ? null : new StreamWriter(output) { NewLine = "\n" };
    private readonly List<ImportError> _first = [];

    public IReadOnlyList<ImportError> First => _first;

    public long Count { get; private set; }

    public async ValueTask AddAsync(ImportError error)
    {
        Count++;
        if (_first.Count < KeepFirst)
        {
            _first.Add(error);
        }

        if (_writer is not null)
        {
            await _writer.WriteLineAsync(JsonSerializer.Serialize(error, Json));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }
}
