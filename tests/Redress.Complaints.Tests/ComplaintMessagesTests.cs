using System.Globalization;
using System.Resources;
using Redress.Complaints.Resources;

namespace Redress.Complaints.Tests;

public sealed class ComplaintMessagesTests
{
    private static readonly ResourceManager s_resources = new("Redress.Complaints.Resources.ComplaintMessages", typeof(ComplaintMessages).Assembly);

    // Every refusal the case methods can return; the code is the resource key of its message.
    public static TheoryData<string> RefusalCodes =>
    [
        "action_not_allowed_for_role", "action_not_allowed_at_stage", "already_assigned", "reassign_needs_supervisor", "assign_self_only",
        "already_waiting_on_customer", "merge_into_itself", "merge_other_customer", "already_appealed", "appeal_window_closed",
        "reviewer_handled_complaint", "not_the_reviewer", "nudge_too_soon", "no_agent_for_category", "concurrent_change", "attachment_not_found",
        "remedy_approval_needs_supervisor", "remedy_approver_is_proposer", "remedy_not_awaiting_approval", "remedy_needs_approval",
        "remedy_already_executed", "remedy_complaint_closed", "remedy_not_found", "remedy_executing",
    ];

    [Theory]
    [MemberData(nameof(RefusalCodes))]
    public void Every_refusal_has_an_English_and_a_Chinese_message(string code)
    {
        var english = s_resources.GetString(code, CultureInfo.InvariantCulture);
        var chinese = s_resources.GetString(code, CultureInfo.GetCultureInfo("zh-CN"));

        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Fact]
    public void Both_languages_have_the_same_messages()
    {
        static HashSet<string> Keys(CultureInfo culture) =>
            [.. s_resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key)];

        Assert.Equal(Keys(CultureInfo.InvariantCulture).Order(), Keys(CultureInfo.GetCultureInfo("zh-CN")).Order());
    }
}
