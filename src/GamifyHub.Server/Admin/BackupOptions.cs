namespace GamifyHub.Server.Admin;

/// <summary>How long backups made through Admin → Backup are kept (they hold people an erasure removed since).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backups";

    /// <summary>Backups in the backups folder older than this many days are deleted when the next one is made; 0 keeps all.</summary>
    public int KeepDays { get; set; } = 30;
}
