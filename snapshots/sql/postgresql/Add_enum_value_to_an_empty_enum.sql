ALTER TYPE status ADD VALUE 'new';

