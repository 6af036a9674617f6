namespace GamifyHub.Server.Imports;

/// <summary>The file cannot be read on (a missing or unknown column, a quote never closed, bytes that are not UTF-8).</summary>
public sealed class ImportFileException(long row, string message) : Exception(message)
{
    public long Row { get; } = row;
}
