DROP SCHEMA audit;

