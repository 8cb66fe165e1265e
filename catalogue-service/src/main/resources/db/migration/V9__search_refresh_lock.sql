-- An offer's search rows and its organisation's status change in step even when both are written at the
-- same time: the offer's trigger first takes a share lock on the organisation, so a concurrent status
-- change (whose trigger rewrites all the organisation's rows) either waits for it or has committed before
-- the refresh reads the organisation (each statement of the function then sees it). Without the lock an
-- offer written while its organisation was being suspended could put its rows back.
create or replace function offer_search_on_offer() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' then
        delete from offer_search where offer_id = old.id;
        return old;
    end if;
    perform 1 from organisation where id = new.organisation_id for share;
    perform offer_search_refresh(new.id);
    return new;
end
$$;
