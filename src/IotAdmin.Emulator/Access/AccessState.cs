using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Access;

/// <summary>
/// Who may do what: service accounts with their keys, and the members of the organization and its projects.
/// Lives inside <see cref="FleetStore"/> and is only touched under its lock.
/// </summary>
internal sealed class AccessState
{
    private int _nextUserId = 9201;

    public Dictionary<string, ServiceAccountRecord> ServiceAccounts { get; } = new(StringComparer.Ordinal);

    public List<MemberRecord> Members { get; } = new();

    /// <summary>Users known by e-mail (lowercase) → their numeric member id; an invite to a known user is ACCEPTED at once.</summary>
    public Dictionary<string, string> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>E-mails of users who have accepted an invitation somewhere (they exist as DT users).</summary>
    public HashSet<string> AcceptedUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>The seeded organization admin (its key is the emulator's printed credentials) and one user, also admin.</summary>
    public static AccessState Seed(EmulatorOptions options, OrganizationRecord organization, ProjectRecord inventory, DateTimeOffset now)
    {
        var state = new AccessState();
        var credentials = SeededAccount.CredentialsFor(options.Seed);
        var account = new ServiceAccountRecord
        {
            Id = SeededAccount.AccountId(options.Seed),
            ProjectId = inventory.Id,
            Email = credentials.Email,
            DisplayName = "IotAdmin emulator",
            CreateTime = now,
            UpdateTime = now,
        };
        account.Keys.Add(new KeyRecord { Id = credentials.KeyId, Secret = credentials.Secret, CreateTime = now });
        state.ServiceAccounts[account.Id] = account;
        state.Members.Add(new MemberRecord
        {
            Scope = organization.Name, Id = account.Id, Email = account.Email, DisplayName = account.DisplayName, Role = Roles.OrganizationAdmin,
            Status = "ACCEPTED", AccountType = "SERVICE_ACCOUNT", CreateTime = now,
        });
        const string owner = "owner@emulated-organization.example";
        state.AcceptedUsers.Add(owner);
        state.Members.Add(new MemberRecord
        {
            Scope = organization.Name, Id = state.UserId(owner), Email = owner, DisplayName = "Organization owner", Role = Roles.OrganizationAdmin,
            Status = "ACCEPTED", AccountType = "USER", CreateTime = now,
        });
        return state;
    }

    /// <summary>A user's numeric member id, the same in every project and the organization.</summary>
    public string UserId(string email)
    {
        if (!Users.TryGetValue(email, out var id)) Users[email] = id = (_nextUserId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return id;
    }
}
