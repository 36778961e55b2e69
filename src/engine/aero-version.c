/* aero-version.c - a compatibility version (major.minor)
 *
 * Immutable: the major and minor numbers are construct-only, so a version
 * can be shared between models without copying.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-version.h"

struct _AeroVersion
{
  GObject parent_instance;

  guint major;
  guint minor;
};

G_DEFINE_FINAL_TYPE (AeroVersion, aero_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAJOR,
  PROP_MINOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_version_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AeroVersion *self = AERO_VERSION (object);

  switch (prop_id)
    {
    case PROP_MAJOR:
      g_value_set_uint (value, self->major);
      break;
    case PROP_MINOR:
      g_value_set_uint (value, self->minor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_version_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AeroVersion *self = AERO_VERSION (object);

  switch (prop_id)
    {
    case PROP_MAJOR:
      self->major = g_value_get_uint (value);
      break;
    case PROP_MINOR:
      self->minor = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_version_class_init (AeroVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aero_version_get_property;
  object_class->set_property = aero_version_set_property;

  properties[PROP_MAJOR] =
    g_param_spec_uint ("major", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINOR] =
    g_param_spec_uint ("minor", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_version_init (AeroVersion *self)
{
}

AeroVersion *
aero_version_new (guint major,
                  guint minor)
{
  return g_object_new (AERO_TYPE_VERSION, "major", major, "minor", minor, NULL);
}

/* One run of decimal digits that fits a guint; advances *@p past it. */
static gboolean
parse_number (const char **p,
              guint       *out)
{
  guint64 value = 0;
  const char *s = *p;

  if (!g_ascii_isdigit (*s))
    return FALSE;

  while (g_ascii_isdigit (*s))
    {
      value = value * 10 + (guint) (*s - '0');
      if (value > G_MAXUINT)
        return FALSE;
      s++;
    }

  *out = (guint) value;
  *p = s;
  return TRUE;
}

AeroVersion *
aero_version_parse (const char *text)
{
  const char *p = text;
  guint major, minor;

  if (text == NULL)
    return NULL;

  if (!parse_number (&p, &major) || *p != '.')
    return NULL;
  p++;
  if (!parse_number (&p, &minor))
    return NULL;

  /* "4.7.1" is a build of 4.7; anything else after the minor is not a
   * version ("4.7abc"). */
  if (*p != '\0' && *p != '.')
    return NULL;

  return aero_version_new (major, minor);
}

guint
aero_version_get_major (AeroVersion *self)
{
  g_return_val_if_fail (AERO_IS_VERSION (self), 0);

  return self->major;
}

guint
aero_version_get_minor (AeroVersion *self)
{
  g_return_val_if_fail (AERO_IS_VERSION (self), 0);

  return self->minor;
}

int
aero_version_compare (AeroVersion *a,
                      AeroVersion *b)
{
  if (a == b)
    return 0;
  if (a == NULL)
    return -1;
  if (b == NULL)
    return 1;

  if (a->major != b->major)
    return a->major < b->major ? -1 : 1;
  if (a->minor != b->minor)
    return a->minor < b->minor ? -1 : 1;
  return 0;
}

gboolean
aero_version_at_least (AeroVersion *self,
                       guint        major,
                       guint        minor)
{
  if (self == NULL)
    return FALSE;

  return self->major > major || (self->major == major && self->minor >= minor);
}

gboolean
aero_version_equal (AeroVersion *a,
                    AeroVersion *b)
{
  return aero_version_compare (a, b) == 0;
}

char *
aero_version_to_string (AeroVersion *self)
{
  g_return_val_if_fail (AERO_IS_VERSION (self), NULL);

  return g_strdup_printf ("%u.%u", self->major, self->minor);
}
