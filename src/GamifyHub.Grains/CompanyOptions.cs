namespace GamifyHub.Grains;

public sealed class CompanyOptions
{
    /// <summary>IANA time zone that board periods (day, week, …) follow.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
