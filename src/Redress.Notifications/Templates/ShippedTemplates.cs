using Redress.SharedKernel.Outbox;
using static Redress.Notifications.Templates.Channels;
using static Redress.Notifications.Templates.TemplateCultures;

namespace Redress.Notifications.Templates;

/// <summary>A message template: subject (email) or title (in-app), null for SMS; and the plain-text body.</summary>
public sealed record MessageTemplate(string? Subject, string Body);

/// <summary>
/// The templates Redress ships with, for every event type, channel and language. Staff may override any of them;
/// an override that is removed falls back to these. Written to be read calmly by someone who is unhappy with us.
/// </summary>
internal static class ShippedTemplates
{
    private static readonly Dictionary<(string Type, string Channel, string Culture), MessageTemplate> s_templates = Build();

    public static MessageTemplate Get(string type, string channel, string culture) => s_templates[(type, channel, culture)];

    public static bool Exists(string type, string channel, string culture) => s_templates.ContainsKey((type, channel, culture));

    private static Dictionary<(string, string, string), MessageTemplate> Build()
    {
        var t = new Dictionary<(string, string, string), MessageTemplate>();

        void Add(string type, string culture, string emailSubject, string emailBody, string? sms, string title, string inApp)
        {
            t[(type, Email, culture)] = new(emailSubject, emailBody);
            if (sms is not null)
            {
                t[(type, Sms, culture)] = new(null, sms);
            }

            t[(type, InApp, culture)] = new(title, inApp);
        }

        Add(OutboxEventTypes.Acknowledged, English,
            "We have received your complaint {ComplaintNumber}",
            "Dear {RecipientName},\n\nThank you for telling us about your problem. We have registered your complaint under the number {ComplaintNumber}. Please quote this number whenever you contact us about it.\n\nWe will send you our full answer by {Deadline} at the latest. If we need more information from you, we will ask.\n\nYou can follow your complaint at any time in the app under \"My complaints\".\n\nKind regards,\nCustomer Care",
            "We received your complaint {ComplaintNumber}. Our full answer will reach you by {Deadline}. Details are in the app.",
            "Complaint {ComplaintNumber} received",
            "We have registered your complaint and will answer in full by {Deadline}.");
        Add(OutboxEventTypes.Acknowledged, Chinese,
            "我们已收到您的投诉（编号 {ComplaintNumber}）",
            "{RecipientName}，您好：\n\n感谢您告诉我们遇到的问题。您的投诉已登记，编号为 {ComplaintNumber}。今后就此事联系我们时，请提供这个编号。\n\n我们最晚将在 {Deadline} 前给您完整答复。如需您补充信息，我们会再联系您。\n\n您可以随时在应用的“我的投诉”中查看处理进度。\n\n客户服务部",
            "您的投诉已受理，编号 {ComplaintNumber}。我们最晚于 {Deadline} 前给您完整答复，进度可在应用中查看。",
            "投诉 {ComplaintNumber} 已受理",
            "您的投诉已登记，我们最晚于 {Deadline} 前给您完整答复。");

        Add(OutboxEventTypes.InformationRequested, English,
            "We need some more information about complaint {ComplaintNumber}",
            "Dear {RecipientName},\n\nTo look into your complaint {ComplaintNumber} properly, we need some more information from you:\n\n{Question}\n\nPlease reply in the app by {Deadline}. If you cannot, just let us know and we will carry on with what we have.\n\nKind regards,\nCustomer Care",
            "We need more information about complaint {ComplaintNumber}. Please reply in the app by {Deadline}.",
            "More information needed for {ComplaintNumber}",
            "{Question}\n\nPlease reply by {Deadline}.");
        Add(OutboxEventTypes.InformationRequested, Chinese,
            "关于投诉 {ComplaintNumber}，我们需要您补充一些信息",
            "{RecipientName}，您好：\n\n为了妥善处理您的投诉 {ComplaintNumber}，我们需要您补充以下信息：\n\n{Question}\n\n请在 {Deadline} 前通过应用回复。如果无法提供，也请告诉我们，我们会根据现有信息继续处理。\n\n客户服务部",
            "为处理您的投诉 {ComplaintNumber}，我们需要您补充信息，请在 {Deadline} 前在应用中回复。",
            "投诉 {ComplaintNumber} 需要补充信息",
            "{Question}\n\n请在 {Deadline} 前回复。");

        Add(OutboxEventTypes.HoldingReply, English,
            "Your complaint {ComplaintNumber}: we need a little more time",
            "Dear {RecipientName},\n\nWe are still working on your complaint {ComplaintNumber} and cannot give you our final answer yet.\n\nThe reason: {Reason}\n\nWe will send you our final answer by {Deadline} at the latest. We are sorry for the wait.\n\nKind regards,\nCustomer Care",
            "We need more time for complaint {ComplaintNumber}. You will have our final answer by {Deadline}. Details are in the app.",
            "More time needed for {ComplaintNumber}",
            "{Reason}\n\nOur final answer will reach you by {Deadline}.");
        Add(OutboxEventTypes.HoldingReply, Chinese,
            "关于投诉 {ComplaintNumber}：我们需要多一点时间",
            "{RecipientName}，您好：\n\n我们仍在处理您的投诉 {ComplaintNumber}，暂时还不能给您最终答复。\n\n原因：{Reason}\n\n我们最晚将在 {Deadline} 前给您最终答复。让您久等了，非常抱歉。\n\n客户服务部",
            "您的投诉 {ComplaintNumber} 还需要一些时间处理，我们最晚于 {Deadline} 前给您最终答复，详情请见应用。",
            "投诉 {ComplaintNumber} 需要延长处理时间",
            "{Reason}\n\n我们最晚于 {Deadline} 前给您最终答复。");

        Add(OutboxEventTypes.Resolved, English,
            "Our answer to your complaint {ComplaintNumber}",
            "Dear {RecipientName},\n\nWe have finished looking into your complaint {ComplaintNumber}. Our decision: {Outcome}.\n\n{FinalResponse}\n\nIf you are not satisfied with this answer, you can ask us in the app to look at it again, and you may also refer it to the external complaint body named above.\n\nKind regards,\nCustomer Care",
            "We have answered your complaint {ComplaintNumber}. Please read our full answer in the app.",
            "Answer to complaint {ComplaintNumber}",
            "Our decision: {Outcome}.\n\n{FinalResponse}");
        Add(OutboxEventTypes.Resolved, Chinese,
            "关于您的投诉 {ComplaintNumber} 的答复",
            "{RecipientName}，您好：\n\n我们已完成对您的投诉 {ComplaintNumber} 的调查。处理结论：{Outcome}。\n\n{FinalResponse}\n\n如果您对答复不满意，可以在应用中申请复核，也可以向上文列明的外部投诉渠道反映。\n\n客户服务部",
            "您的投诉 {ComplaintNumber} 已有答复，请在应用中查看完整内容。",
            "投诉 {ComplaintNumber} 的答复",
            "处理结论：{Outcome}。\n\n{FinalResponse}");

        Add(OutboxEventTypes.AppealReceived, English,
            "We have received your appeal on complaint {ComplaintNumber}",
            "Dear {RecipientName},\n\nWe have received your appeal on complaint {ComplaintNumber}. A colleague who was not involved in the first decision will review it.\n\nYou will have our decision by {Deadline} at the latest.\n\nKind regards,\nCustomer Care",
            "We received your appeal on complaint {ComplaintNumber}. Our decision will reach you by {Deadline}.",
            "Appeal received for {ComplaintNumber}",
            "A colleague who was not involved in the first decision will review it. Decision by {Deadline}.");
        Add(OutboxEventTypes.AppealReceived, Chinese,
            "我们已收到您对投诉 {ComplaintNumber} 的复核申请",
            "{RecipientName}，您好：\n\n我们已收到您对投诉 {ComplaintNumber} 的复核申请，将由未参与原处理的同事重新审查。\n\n我们最晚将在 {Deadline} 前告诉您复核结果。\n\n客户服务部",
            "已收到您对投诉 {ComplaintNumber} 的复核申请，我们最晚于 {Deadline} 前告知结果。",
            "投诉 {ComplaintNumber} 的复核申请已收到",
            "将由未参与原处理的同事审查，最晚于 {Deadline} 前告知结果。");

        Add(OutboxEventTypes.AppealDecided, English,
            "The result of your appeal on complaint {ComplaintNumber}",
            "Dear {RecipientName},\n\nWe have reviewed your appeal on complaint {ComplaintNumber}. Our decision: {Decision}.\n\n{FinalResponse}\n\nThis is our final answer. If you are still not satisfied, you can refer the matter to the external complaint body named above.\n\nKind regards,\nCustomer Care",
            "We have decided on your appeal on complaint {ComplaintNumber}. Please read our answer in the app.",
            "Appeal decided for {ComplaintNumber}",
            "Our decision: {Decision}.\n\n{FinalResponse}");
        Add(OutboxEventTypes.AppealDecided, Chinese,
            "您对投诉 {ComplaintNumber} 的复核结果",
            "{RecipientName}，您好：\n\n我们已完成对投诉 {ComplaintNumber} 的复核。复核结论：{Decision}。\n\n{FinalResponse}\n\n这是我们的最终答复。如果您仍不满意，可以向上文列明的外部投诉渠道反映。\n\n客户服务部",
            "您对投诉 {ComplaintNumber} 的复核已有结果，请在应用中查看。",
            "投诉 {ComplaintNumber} 的复核结果",
            "复核结论：{Decision}。\n\n{FinalResponse}");

        Add(OutboxEventTypes.AutoDecisionReversed, English,
            "Your complaint {ComplaintNumber}: our automatic refund has been withdrawn",
            "Dear {RecipientName},\n\nOn checking your complaint {ComplaintNumber} again, a supervisor found that our automatic decision was wrong, so the {Amount} it paid has been taken back from your wallet.\n\nYour complaint is open again and a member of our team is looking into it. You will have our final answer by {Deadline}. If you think this is wrong, please reply in the app.\n\nKind regards,\nCustomer Care",
            "The automatic refund of {Amount} for complaint {ComplaintNumber} was taken back; the complaint is open again. See the app.",
            "Automatic refund withdrawn for {ComplaintNumber}",
            "A supervisor found our automatic decision was wrong: {Amount} has been taken back from your wallet. Your complaint is open again; our final answer will reach you by {Deadline}.");
        Add(OutboxEventTypes.AutoDecisionReversed, Chinese,
            "关于投诉 {ComplaintNumber}：自动退款已撤回",
            "{RecipientName}，您好：\n\n我们在复核您的投诉 {ComplaintNumber} 时，主管发现此前的自动处理决定有误，已从您的钱包扣回当时支付的 {Amount}。\n\n您的投诉已重新打开，我们的工作人员正在处理，最晚将于 {Deadline} 前给您最终答复。如有异议，请在应用中回复。\n\n客户服务部",
            "投诉 {ComplaintNumber} 的自动退款 {Amount} 已撤回并扣回，投诉已重新打开，详情请见应用。",
            "投诉 {ComplaintNumber} 的自动退款已撤回",
            "主管发现此前的自动处理决定有误，已从您的钱包扣回 {Amount}。您的投诉已重新打开，我们最晚于 {Deadline} 前给您最终答复。");

        Add(OutboxEventTypes.StaffAssigned, English,
            "Complaint {ComplaintNumber} has been assigned to you",
            "Hello {RecipientName},\n\nComplaint {ComplaintNumber} has been assigned to you. The next deadline is {Deadline}.\n\nOpen it in Redress to get started.",
            null,
            "Assigned to you: {ComplaintNumber}",
            "Next deadline: {Deadline}.");
        Add(OutboxEventTypes.StaffAssigned, Chinese,
            "投诉 {ComplaintNumber} 已分配给您",
            "{RecipientName}，您好：\n\n投诉 {ComplaintNumber} 已分配给您，下一个期限是 {Deadline}。\n\n请在 Redress 中打开处理。",
            null,
            "分配给您：{ComplaintNumber}",
            "下一个期限：{Deadline}。");

        Add(OutboxEventTypes.StaffNudged, English,
            "The customer is asking about complaint {ComplaintNumber}",
            "Hello {RecipientName},\n\nThe customer has sent a reminder about complaint {ComplaintNumber}. Please check where it stands and let them know.",
            null,
            "Reminder from the customer: {ComplaintNumber}",
            "The customer is waiting for news.");
        Add(OutboxEventTypes.StaffNudged, Chinese,
            "客户在询问投诉 {ComplaintNumber} 的进展",
            "{RecipientName}，您好：\n\n客户就投诉 {ComplaintNumber} 发来了催办提醒。请查看处理进度并回复客户。",
            null,
            "客户催办：{ComplaintNumber}",
            "客户在等待处理进展。");

        Add(OutboxEventTypes.StaffSlaWarning, English,
            "Deadline approaching for complaint {ComplaintNumber}",
            "Hello {RecipientName},\n\nThe deadline for complaint {ComplaintNumber} is {Deadline}. Please answer the customer, or send a holding reply, before then.",
            null,
            "Deadline soon: {ComplaintNumber}",
            "Due {Deadline}.");
        Add(OutboxEventTypes.StaffSlaWarning, Chinese,
            "投诉 {ComplaintNumber} 即将到期",
            "{RecipientName}，您好：\n\n投诉 {ComplaintNumber} 的处理期限是 {Deadline}。请在此之前答复客户，或发送延期说明。",
            null,
            "即将到期：{ComplaintNumber}",
            "期限：{Deadline}。");

        Add(OutboxEventTypes.StaffSlaBreached, English,
            "Deadline missed: complaint {ComplaintNumber}",
            "Hello {RecipientName},\n\nComplaint {ComplaintNumber} passed its final deadline of {Deadline} without a final answer. It is escalated to its owner and to the supervisors: please see that the customer gets an answer now.",
            null,
            "Deadline missed: {ComplaintNumber}",
            "The final deadline {Deadline} has passed. Escalated to supervisors.");
        Add(OutboxEventTypes.StaffSlaBreached, Chinese,
            "已超期：投诉 {ComplaintNumber}",
            "{RecipientName}，您好：\n\n投诉 {ComplaintNumber} 已超过最终答复期限 {Deadline}，仍未给出最终答复。此事已升级至负责人和主管，请尽快确保客户得到答复。",
            null,
            "已超期：{ComplaintNumber}",
            "最终期限 {Deadline} 已过，已升级至主管。");

        return t;
    }
}
