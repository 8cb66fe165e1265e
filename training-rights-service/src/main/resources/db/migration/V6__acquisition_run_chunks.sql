-- The yearly run claims ranges of holders instead of one row per holder: a million item rows inserted before the
-- first credit, and updated after each chunk, were about a tenth of a run of a million holders.
-- A chunk covers [from_holder, to_holder) in holder order (null: unbounded), so that the chunks of a run cover every
-- holder id once, an account opened during the run included.
-- The chunks are cut by the run's first worker, not in the request that starts the run (a scan of every open
-- account: seconds for a million, minutes for the whole country); chunk_size is the size asked at the start.
alter table acquisition_run
    add column chunk_size integer not null default 2000,
    add column cut        boolean not null default true;

create table acquisition_run_chunk (
    run_id      uuid       not null references acquisition_run (id),
    seq         integer    not null,
    from_holder uuid,
    to_holder   uuid,
    state       varchar(8) not null default 'PENDING' check (state in ('PENDING', 'DONE')),
    -- set once the chunk failed as a whole: it is then acquired holder by holder (acquisition_run_holder)
    one_by_one  boolean    not null default false,
    done        integer    not null default 0,
    credited    integer    not null default 0,
    failed      integer    not null default 0,
    primary key (run_id, seq)
);
create index acquisition_run_chunk_pending on acquisition_run_chunk (run_id, seq) where state = 'PENDING';

-- The outcome of each holder of a chunk gone one by one, written in the holder's own transaction: a chunk resumed
-- after a crash skips them, and the failures (with their error) stay for the operators.
create table acquisition_run_holder (
    run_id    uuid    not null references acquisition_run (id),
    holder_id uuid    not null,
    credited  boolean not null,
    error     text,
    primary key (run_id, holder_id)
);

-- Runs of the previous layout: chunks of 2 000 of their items (a chunk with an item still pending is pending: its
-- holders already credited are found so and skipped: counted done, not credited), failures kept.
with numbered as (
    select i.*, (row_number() over (partition by run_id order by holder_id) - 1) / 2000 as seq
    from acquisition_run_item i),
chunks as (
    select run_id, seq, (array_agg(holder_id order by holder_id))[1] as first_holder,
           count(*) filter (where state = 'DONE') as done, count(*) filter (where credited) as credited,
           count(*) filter (where state = 'FAILED') as failed, count(*) filter (where state = 'PENDING') as pending
    from numbered group by run_id, seq)
insert into acquisition_run_chunk (run_id, seq, from_holder, to_holder, state, done, credited, failed)
select run_id, seq, case when seq = 0 then null else first_holder end,
       lead(first_holder) over (partition by run_id order by seq),
       case when pending = 0 then 'DONE' else 'PENDING' end, done, credited, failed
from chunks;
insert into acquisition_run_holder (run_id, holder_id, credited, error)
select run_id, holder_id, false, error from acquisition_run_item where state = 'FAILED';

drop table acquisition_run_item;
