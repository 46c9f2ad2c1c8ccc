using System;
using System.Collections.Generic;
using System.IO;

namespace IotAdmin.Http
{
    /// <summary>
    /// Everything one account's limiter knows, kept in one place so that it can be shared between processes
    /// (<see cref="FileRateWindowStore"/>): the requests granted or reserved in the current window (UTC ticks), the
    /// server-ordered pause and the learned budget. No key, token or name: times and numbers only.
    /// </summary>
    internal sealed class RateWindowState
    {
        private const int FormatVersion = 1;

        /// <summary>Granted and reserved requests, oldest first (reservations lie in the future).</summary>
        public List<Slot> Slots { get; } = new List<Slot>();

        /// <summary>The learned budget: requests per client window; 0 = not learned yet (the configured one).</summary>
        public double Budget { get; set; }

        /// <summary>The budget at which the last 429 came (0 = none since the budget was last at its configured value).</summary>
        public double ThrottledBudget { get; set; }

        public long LastThrottledTicks { get; set; }

        public long LastBudgetChangeTicks { get; set; }

        /// <summary>Nothing is sent before this (a server 429, capped by the retry rules).</summary>
        public long PausedUntilTicks { get; set; }

        /// <summary>What the server asked for when it paused the account (for the verbose message).</summary>
        public long PauseAskedTicks { get; set; }

        public void Write(Stream stream)
        {
            var w = new BinaryWriter(stream);
            w.Write(FormatVersion);
            w.Write(Budget);
            w.Write(ThrottledBudget);
            w.Write(LastThrottledTicks);
            w.Write(LastBudgetChangeTicks);
            w.Write(PausedUntilTicks);
            w.Write(PauseAskedTicks);
            w.Write(Slots.Count);
            foreach (var s in Slots)
            {
                w.Write(s.Ticks);
                w.Write(s.Id);
            }

            w.Flush();
        }

        /// <summary>Reads a state written by <see cref="Write"/>; an empty, foreign or damaged stream gives a fresh state.</summary>
        public static RateWindowState Read(Stream stream)
        {
            var state = new RateWindowState();
            if (stream.Length == 0) return state;
            try
            {
                var r = new BinaryReader(stream);
                if (r.ReadInt32() != FormatVersion) return state;
                state.Budget = r.ReadDouble();
                state.ThrottledBudget = r.ReadDouble();
                state.LastThrottledTicks = r.ReadInt64();
                state.LastBudgetChangeTicks = r.ReadInt64();
                state.PausedUntilTicks = r.ReadInt64();
                state.PauseAskedTicks = r.ReadInt64();
                var count = r.ReadInt32();
                if (count < 0 || count > 1_000_000) return new RateWindowState();
                for (var i = 0; i < count; i++) state.Slots.Add(new Slot(r.ReadInt64(), r.ReadInt64()));
                return state;
            }
            catch (EndOfStreamException)
            {
                return new RateWindowState();
            }
        }

        /// <summary>One granted or reserved request: when, and who holds it (so a cancelled waiter can give it back).</summary>
        internal readonly struct Slot
        {
            public Slot(long ticks, long id)
            {
                Ticks = ticks;
                Id = id;
            }

            public long Ticks { get; }

            public long Id { get; }
        }
    }
}
