namespace GamifyHub.Domain.Analytics;

/// <summary>
/// Channels grouped the way the study compares leaders and laggards (blogs, mobile app stores, video, social
/// networks, review sites). Sent by name (lower case), so never rename a member.
/// </summary>
public enum ChannelGroup { Blogs, AppStores, Video, SocialNetworks, ReviewSites, Other }

public static class ChannelGroups
{
    public static ChannelGroup Of(string? channel) => channel switch
    {
        "blog" => ChannelGroup.Blogs,
        "appstore" or "playstore" or "googleplay" => ChannelGroup.AppStores,
        "youtube" => ChannelGroup.Video,
        "facebook" or "instagram" or "linkedin" or "x" or "xing" => ChannelGroup.SocialNetworks,
        "trustpilot" or "reviews" => ChannelGroup.ReviewSites,
        _ => ChannelGroup.Other,
    };

    public static string Name(ChannelGroup group) => group switch
    {
        ChannelGroup.AppStores => "appstores",
        ChannelGroup.SocialNetworks => "social",
        ChannelGroup.ReviewSites => "reviews",
        _ => group.ToString().ToLowerInvariant(),
    };
}
