-- Deliberately empty of people: production has no default accounts.
-- Create the first coordinator with `npm run admin -- create-coordinator --email ADDRESS --name NAME`.
select 1;
