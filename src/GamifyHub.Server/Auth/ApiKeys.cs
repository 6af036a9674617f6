using System.Security.Cryptography;
using System.Text;

namespace GamifyHub.Server.Auth;

public static class ApiKeys
{
    public const string FeedbackWrite = "feedback:write";
    public const string EventsWrite = "events:write";

    /// <summary>Read-only wallboard routes and watching the departments board on the hub, like a wallboard token.</summary>
    public const string Wallboard = "wallboard";

    public static readonly IReadOnlyList<string> AllScopes = [FeedbackWrite, EventsWrite, Wallboard];

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Generate() => "ghk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
