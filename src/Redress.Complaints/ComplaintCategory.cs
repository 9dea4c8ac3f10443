namespace Redress.Complaints;

/// <summary>First-level complaint categories.</summary>
public enum ComplaintCategory
{
    AccountSecurity,
    TransactionFailure,
    Refund,
    CustomerService,
    Fees,
    Other,
}
