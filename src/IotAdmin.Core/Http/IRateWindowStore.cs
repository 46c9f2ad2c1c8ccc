using System;

namespace IotAdmin.Http
{
    /// <summary>Where one account's <see cref="RateWindowState"/> lives: every change runs under the store's lock.</summary>
    internal interface IRateWindowStore
    {
        T Update<T>(Func<RateWindowState, T> change);
    }
}
