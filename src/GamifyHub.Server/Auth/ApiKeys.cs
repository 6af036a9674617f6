using System.Security.Cryptography;
using System.Text;

namespace GamifyHub.Server.Auth;

public static class ApiKeys
{
    public const string FeedbackWrite = "feedback:write";
    public const string EventsWrite = "events:write";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Generate() => "ghk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
