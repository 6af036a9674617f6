using GamifyHub.Data;

namespace GamifyHub.Server.Imports;

/// <summary>
/// The error reports of imports made through the API, as JSON-lines files in a folder beside the database
/// (<c>&lt;db&gt;.imports</c>), so a report of any size never sits in memory. The newest are kept, the rest pruned.
/// </summary>
public sealed class ImportReports(DatabaseLocation location, TimeProvider time)
{
    public const int Keep = 50;
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    private string Folder => location.Path + ".imports";

    public Stream Create(Guid id)
    {
        Directory.CreateDirectory(Folder);
        Prune();
        return new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
    }

    public Stream? Open(Guid id) =>
        File.Exists(PathOf(id)) ? new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;

    public void Delete(Guid id) => File.Delete(PathOf(id));

    private string PathOf(Guid id) => Path.Combine(Folder, $"{id:N}.errors.jsonl");

    private void Prune()
    {
        var cutoff = time.GetUtcNow().UtcDateTime - KeepFor;
        var files = new DirectoryInfo(Folder).GetFiles("*.errors.jsonl").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        foreach (var file in files.Skip(Keep).Concat(files.Take(Keep).Where(f => f.LastWriteTimeUtc < cutoff)))
        {
            try
            {
                file.Delete();
            }
            catch (IOException)
            {
                // Being read right now; the next import prunes it.
            }
        }
    }
}
