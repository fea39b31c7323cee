-- A certificate's public page names its holder. Once the holder's personal data is erased (the member anonymised at
-- their or their guardian's request, or the account deleted), that name must go with it: the holder's certificates
-- are revoked and their name blanked in the same transaction as the erasure, whichever code path erases.

-- The account deleted: certificates.user_id is set to null by the foreign key, which fires this trigger.
create function public.certificates_forget_deleted_holder() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.holder_name := '—';
	new.revoked_at := coalesce(new.revoked_at, now());
	new.revocation_reason := coalesce(new.revocation_reason, 'holder data erased');
	return new;
end;
$$;

create trigger certificates_forget_deleted_holder before update of user_id on public.certificates
	for each row
	when (old.user_id is not null and new.user_id is null)
	execute function public.certificates_forget_deleted_holder();

-- The member anonymised: the account may stay (as a mentor's, say), so the student's certificates are found by it.
create function public.members_forget_certificate_holder() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	update public.certificates
	set holder_name = '—', revoked_at = coalesce(revoked_at, now()), revocation_reason = coalesce(revocation_reason, 'holder data erased')
	where user_id = old.user_id and kind in ('track', 'school_year');
	return null;
end;
$$;

create trigger members_forget_certificate_holder after update of anonymised_at on public.members
	for each row
	when (old.anonymised_at is null and new.anonymised_at is not null and old.user_id is not null)
	execute function public.members_forget_certificate_holder();

revoke all on function public.certificates_forget_deleted_holder(), public.members_forget_certificate_holder() from public, anon, authenticated;
