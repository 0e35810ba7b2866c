// The detail validator as a DuckDB table function: DuckDB's own worker threads call it, each with a cursor of the
// validator, and each valid row goes straight into DuckDB's vectors. The rows are parsed once, in parallel, and
// DuckDB stores them in parallel: no clean copy of the file, no second CSV parse.
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Monitor.Sources.Detail;

/// <summary>
/// <c>monitor_detail_scan(job)</c>: the valid rows of the detail file that <see cref="Run"/> put under <c>job</c>, as
/// (line, vacature_id, datum_ontstaan, datum_vervuld, beroepsklasse, arbeidsmarktregio, aantal_posities). DuckDB runs
/// it on as many threads as it has (at most one per block of the file); rows come in no particular order.
/// Registered through DuckDB's C API, which DuckDB.NET ships but does not wrap for parallel table functions.
/// </summary>
public static unsafe class DetailScanFunction
{
    public const string Name = "monitor_detail_scan";

    static readonly ConcurrentDictionary<long, Job> Jobs = new();
    static long lastJob;

    sealed class Job(DetailValidator validator)
    {
        public DetailValidator Validator { get; } = validator;
        /// <summary>The first exception a callback caught: rethrown as it was once DuckDB has given up.</summary>
        public ExceptionDispatchInfo? Error;
    }

    sealed class Local(Job job, DetailValidator.Reader cursor)
    {
        public Job Job { get; } = job;
        public DetailValidator.Reader Cursor { get; } = cursor;
        public VectorWriter Writer { get; } = new();
    }

    /// <summary>
    /// Runs <paramref name="sql"/>, in which <c>{scan}</c> stands for the table function call over
    /// <paramref name="validator"/>'s file, and returns what it returns (rows affected). Every cursor is done when
    /// this returns; the caller then calls <see cref="DetailValidator.Finish"/>. An exception raised while reading
    /// (a file that became unreadable) is thrown as it was raised.
    /// </summary>
    public static int Run(DuckDBConnection connection, DetailValidator validator, string sql)
    {
        Register(connection);
        var id = Interlocked.Increment(ref lastJob);
        var job = new Job(validator);
        Jobs[id] = job;
        try
        {
            return connection.Execute(sql.Replace("{scan}", $"{Name}({id})"));
        }
        catch (Exception) when (job.Error is not null)
        {
            job.Error.Throw();
            throw;
        }
        finally
        {
            Jobs.TryRemove(id, out _);
        }
    }

    /// <summary>Registers the function with the connection's database, once.</summary>
    static void Register(DuckDBConnection connection)
    {
        var exists = $"SELECT count(*) FROM duckdb_functions() WHERE function_name = '{Name}'";
        if (connection.ExecuteScalar<long>(exists) > 0) return;
        var function = Native.duckdb_create_table_function();
        try
        {
            var name = Encoding.UTF8.GetBytes(Name + "\0");
            fixed (byte* n = name) Native.duckdb_table_function_set_name(function, n);
            var bigint = Native.duckdb_create_logical_type(Native.TypeBigInt);
            Native.duckdb_table_function_add_parameter(function, bigint);
            Native.duckdb_destroy_logical_type(&bigint);
            Native.duckdb_table_function_set_bind(function, &Bind);
            Native.duckdb_table_function_set_init(function, &Init);
            Native.duckdb_table_function_set_local_init(function, &LocalInit);
            Native.duckdb_table_function_set_function(function, &Scan);
            var state = Native.duckdb_register_table_function(connection.NativeConnection.DangerousGetHandle(), function);
            if (state != 0 && connection.ExecuteScalar<long>(exists) == 0)
                throw new InvalidOperationException($"DuckDB did not register the table function {Name}");
        }
        finally
        {
            Native.duckdb_destroy_table_function(&function);
        }
    }

    [UnmanagedCallersOnly]
    static void Bind(IntPtr info)
    {
        try
        {
            var value = Native.duckdb_bind_get_parameter(info, 0);
            var id = Native.duckdb_get_int64(value);
            Native.duckdb_destroy_value(&value);
            if (!Jobs.ContainsKey(id)) { SetError(info, $"{Name}: no file is waiting under {id}", &Native.duckdb_bind_set_error); return; }
            AddColumn(info, "line", Native.TypeBigInt);
            AddColumn(info, "vacature_id", Native.TypeVarchar);
            AddColumn(info, "datum_ontstaan", Native.TypeDate);
            AddColumn(info, "datum_vervuld", Native.TypeDate);
            AddColumn(info, "beroepsklasse", Native.TypeVarchar);
            AddColumn(info, "arbeidsmarktregio", Native.TypeVarchar);
            AddColumn(info, "aantal_posities", Native.TypeBigInt);
            Native.duckdb_bind_set_bind_data(info, (IntPtr)id, null);
        }
        catch (Exception e)
        {
            SetError(info, $"{Name}: {e.Message}", &Native.duckdb_bind_set_error);
        }
    }

    static void AddColumn(IntPtr info, string name, int type)
    {
        var logical = Native.duckdb_create_logical_type(type);
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* n = bytes) Native.duckdb_bind_add_result_column(info, n, logical);
        Native.duckdb_destroy_logical_type(&logical);
    }

    [UnmanagedCallersOnly]
    static void Init(IntPtr info)
    {
        try
        {
            var job = Jobs[(long)Native.duckdb_init_get_bind_data(info)];
            Native.duckdb_init_set_max_threads(info, (ulong)Math.Max(job.Validator.Blocks, 1));
        }
        catch (Exception e)
        {
            SetError(info, $"{Name}: {e.Message}", &Native.duckdb_init_set_error);
        }
    }

    [UnmanagedCallersOnly]
    static void LocalInit(IntPtr info)
    {
        try
        {
            var job = Jobs[(long)Native.duckdb_init_get_bind_data(info)];
            try
            {
                var local = new Local(job, job.Validator.OpenCursor());
                Native.duckdb_init_set_init_data(info, GCHandle.ToIntPtr(GCHandle.Alloc(local)), &FreeHandle);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref job.Error, ExceptionDispatchInfo.Capture(e), null);
                throw;
            }
        }
        catch (Exception e)
        {
            SetError(info, $"{Name}: {e.Message}", &Native.duckdb_init_set_error);
        }
    }

    [UnmanagedCallersOnly]
    static void FreeHandle(IntPtr handle) => GCHandle.FromIntPtr(handle).Free();

    [UnmanagedCallersOnly]
    static void Scan(IntPtr info, IntPtr chunk)
    {
        Local? local = null;
        try
        {
            local = (Local)GCHandle.FromIntPtr(Native.duckdb_function_get_local_init_data(info)).Target!;
            local.Writer.Start(chunk);
            var rows = local.Cursor.Fill(local.Writer, (int)Native.duckdb_vector_size());
            Native.duckdb_data_chunk_set_size(chunk, (ulong)rows);
        }
        catch (Exception e)
        {
            if (local is not null) Interlocked.CompareExchange(ref local.Job.Error, ExceptionDispatchInfo.Capture(e), null);
            Native.duckdb_data_chunk_set_size(chunk, 0);
            SetError(info, $"{Name}: {e.Message}", &Native.duckdb_function_set_error);
        }
    }

    static void SetError(IntPtr info, string message, delegate*<IntPtr, byte*, void> set)
    {
        var bytes = Encoding.UTF8.GetBytes(message + "\0");
        fixed (byte* m = bytes) set(info, m);
    }

    /// <summary>Writes rows into the vectors of one output chunk of DuckDB (at most one vector's worth a call).</summary>
    sealed class VectorWriter : IDetailRowWriter
    {
        long* line;
        IntPtr idVector, klasseVector, regioVector, filledVector;
        byte* id, klasse, regio;
        int* arisen, filled;
        ulong* filledValidity;
        long* posities;
        int row;

        public void Start(IntPtr chunk)
        {
            line = (long*)Native.duckdb_vector_get_data(Native.duckdb_data_chunk_get_vector(chunk, 0));
            idVector = Native.duckdb_data_chunk_get_vector(chunk, 1);
            id = (byte*)Native.duckdb_vector_get_data(idVector);
            arisen = (int*)Native.duckdb_vector_get_data(Native.duckdb_data_chunk_get_vector(chunk, 2));
            filledVector = Native.duckdb_data_chunk_get_vector(chunk, 3);
            filled = (int*)Native.duckdb_vector_get_data(filledVector);
            filledValidity = null;
            klasseVector = Native.duckdb_data_chunk_get_vector(chunk, 4);
            klasse = (byte*)Native.duckdb_vector_get_data(klasseVector);
            regioVector = Native.duckdb_data_chunk_get_vector(chunk, 5);
            regio = (byte*)Native.duckdb_vector_get_data(regioVector);
            posities = (long*)Native.duckdb_vector_get_data(Native.duckdb_data_chunk_get_vector(chunk, 6));
            row = 0;
        }

        public void Write(long lineNumber, ReadOnlySpan<byte> vacatureId, int arisenDay, int filledDay, ReadOnlySpan<byte> klasseCode, ReadOnlySpan<byte> regioCode, long aantal)
        {
            line[row] = lineNumber;
            String(idVector, id, vacatureId);
            arisen[row] = arisenDay;
            if (filledDay == DetailValidator.NoDate)
            {
                if (filledValidity is null)
                {
                    Native.duckdb_vector_ensure_validity_writable(filledVector);
                    filledValidity = Native.duckdb_vector_get_validity(filledVector);
                }
                filledValidity[row >> 6] &= ~(1UL << (row & 63));
            }
            else filled[row] = filledDay;
            String(klasseVector, klasse, klasseCode);
            String(regioVector, regio, regioCode);
            posities[row] = aantal;
            row++;
        }

        /// <summary>
        /// A VARCHAR value: DuckDB's string_t is 16 bytes, the length and then up to 12 bytes inline (zero-padded);
        /// longer strings are copied into the vector's own storage by DuckDB. The bytes are valid UTF-8 (the validator
        /// read a valid UTF-8 file), so DuckDB's check is skipped.
        /// </summary>
        void String(IntPtr vector, byte* data, ReadOnlySpan<byte> value)
        {
            var slot = data + row * 16;
            if (value.Length <= 12)
            {
                *(uint*)slot = (uint)value.Length;
                *(uint*)(slot + 4) = 0;
                *(ulong*)(slot + 8) = 0;
                value.CopyTo(new Span<byte>(slot + 4, 12));
            }
            else
            {
                fixed (byte* v = value) Native.duckdb_unsafe_vector_assign_string_element_len(vector, (ulong)row, v, (ulong)value.Length);
            }
        }
    }

    /// <summary>The parts of DuckDB's C API used here (duckdb.h of DuckDB 1.5; the library ships with DuckDB.NET).</summary>
    static class Native
    {
        const string Lib = "duckdb";
        // duckdb_type values from duckdb.h.
        public const int TypeBigInt = 5, TypeDate = 13, TypeVarchar = 17;

        [DllImport(Lib)] public static extern IntPtr duckdb_create_table_function();
        [DllImport(Lib)] public static extern void duckdb_destroy_table_function(IntPtr* function);
        [DllImport(Lib)] public static extern void duckdb_table_function_set_name(IntPtr function, byte* name);
        [DllImport(Lib)] public static extern void duckdb_table_function_add_parameter(IntPtr function, IntPtr type);
        [DllImport(Lib)] public static extern void duckdb_table_function_set_bind(IntPtr function, delegate* unmanaged<IntPtr, void> bind);
        [DllImport(Lib)] public static extern void duckdb_table_function_set_init(IntPtr function, delegate* unmanaged<IntPtr, void> init);
        [DllImport(Lib)] public static extern void duckdb_table_function_set_local_init(IntPtr function, delegate* unmanaged<IntPtr, void> init);
        [DllImport(Lib)] public static extern void duckdb_table_function_set_function(IntPtr function, delegate* unmanaged<IntPtr, IntPtr, void> scan);
        [DllImport(Lib)] public static extern int duckdb_register_table_function(IntPtr connection, IntPtr function);

        [DllImport(Lib)] public static extern IntPtr duckdb_create_logical_type(int type);
        [DllImport(Lib)] public static extern void duckdb_destroy_logical_type(IntPtr* type);
        [DllImport(Lib)] public static extern IntPtr duckdb_bind_get_parameter(IntPtr info, ulong index);
        [DllImport(Lib)] public static extern long duckdb_get_int64(IntPtr value);
        [DllImport(Lib)] public static extern void duckdb_destroy_value(IntPtr* value);
        [DllImport(Lib)] public static extern void duckdb_bind_add_result_column(IntPtr info, byte* name, IntPtr type);
        [DllImport(Lib)] public static extern void duckdb_bind_set_bind_data(IntPtr info, IntPtr data, delegate* unmanaged<IntPtr, void> destroy);
        [DllImport(Lib)] public static extern void duckdb_bind_set_error(IntPtr info, byte* error);

        [DllImport(Lib)] public static extern IntPtr duckdb_init_get_bind_data(IntPtr info);
        [DllImport(Lib)] public static extern void duckdb_init_set_init_data(IntPtr info, IntPtr data, delegate* unmanaged<IntPtr, void> destroy);
        [DllImport(Lib)] public static extern void duckdb_init_set_max_threads(IntPtr info, ulong threads);
        [DllImport(Lib)] public static extern void duckdb_init_set_error(IntPtr info, byte* error);

        [DllImport(Lib)] public static extern IntPtr duckdb_function_get_local_init_data(IntPtr info);
        [DllImport(Lib)] public static extern void duckdb_function_set_error(IntPtr info, byte* error);

        [DllImport(Lib)] public static extern ulong duckdb_vector_size();
        [DllImport(Lib)] public static extern void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);
        [DllImport(Lib)] public static extern IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong index);
        [DllImport(Lib)] public static extern void* duckdb_vector_get_data(IntPtr vector);
        [DllImport(Lib)] public static extern ulong* duckdb_vector_get_validity(IntPtr vector);
        [DllImport(Lib)] public static extern void duckdb_vector_ensure_validity_writable(IntPtr vector);
        [DllImport(Lib)] public static extern void duckdb_unsafe_vector_assign_string_element_len(IntPtr vector, ulong index, byte* value, ulong length);
    }
}
