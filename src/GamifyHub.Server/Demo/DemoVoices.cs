using System.Globalization;
using GamifyHub.Server.Feedback;

namespace GamifyHub.Server.Demo;

/// <summary>Makes plausible customer feedback from the demo company's voices.</summary>
public sealed class DemoVoices(Random random)
{
    public FeedbackIn Next(string externalId, DateTimeOffset createdAt)
    {
        var german = random.NextDouble() < 0.45;
        var voices = german ? DemoCompany.GermanVoices : DemoCompany.EnglishVoices;
        var text = voices[random.Next(voices.Count)].Replace("{p}", DemoCompany.Products[random.Next(DemoCompany.Products.Count)],
            StringComparison.Ordinal);
        var channel = DemoCompany.Channels[random.Next(DemoCompany.Channels.Count)];
        return new FeedbackIn(channel, externalId, DemoCompany.Handles[random.Next(DemoCompany.Handles.Count)], text,
            $"https://social.example/{channel}/{externalId}", null, createdAt.ToString("O", CultureInfo.InvariantCulture));
    }
}
