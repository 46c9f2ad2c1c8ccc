using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IotAdmin.Sessions;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>
    /// The current session of each runspace (the last Connect-IotAdmin there). Not a process-wide static: Azure
    /// Automation jobs and ForEach-Object -Parallel runspaces share a process, and one job's connection must not leak
    /// into another (the Graph/PnP complaint). A runspace that goes away takes its entry with it.
    /// </summary>
    internal static class CurrentSession
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new ConditionalWeakTable<Runspace, Holder>();

        public static IotSession? Get()
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace != null && Sessions.TryGetValue(runspace, out var holder) && !holder.Session.IsDisposed ? holder.Session : null;
        }

        public static void Set(IotSession session)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null) return;
            Sessions.Remove(runspace);
            Sessions.Add(runspace, new Holder(session));
        }

        /// <summary>Forgets <paramref name="session"/> if it is this runspace's current one.</summary>
        public static void Clear(IotSession session)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null && Sessions.TryGetValue(runspace, out var holder) && ReferenceEquals(holder.Session, session)) Sessions.Remove(runspace);
        }

        private sealed class Holder
        {
            public Holder(IotSession session) => Session = session;

            public IotSession Session { get; }
        }
    }
}
